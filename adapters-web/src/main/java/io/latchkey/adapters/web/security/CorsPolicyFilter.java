package io.latchkey.adapters.web.security;

import io.latchkey.adapters.web.error.Problems;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * CORS by allow-list, ahead of authentication, so a preflight ({@code OPTIONS} with
 * {@code Access-Control-Request-Method}) is answered without credentials. A listed origin gets the CORS headers,
 * credentials included; any other cross-origin request, preflight or not, is refused with 403 problem+json.
 * Requests without an {@code Origin}, from the issuer's origin, or whose Origin equals the request's own scheme,
 * host and port (as the service sees them) are not CORS and pass; any other origin must be listed. Every response
 * carries {@code Vary: Origin}. An Origin that does not parse is refused like an unlisted one.
 */
final class CorsPolicyFilter implements WebFilter {

    private final CorsConfiguration configuration;
    private final String ownOrigin;
    private final DefaultCorsProcessor processor = new DefaultCorsProcessor();
    private final ProblemWriter problems;

    CorsPolicyFilter(BrowserSecuritySettings settings, String issuer, ProblemWriter problems) {
        this.problems = problems;
        this.ownOrigin = originOf(issuer);
        CorsConfiguration config = new CorsConfiguration();
        config.setAllowedOrigins(settings.allowedOrigins());
        config.setAllowedMethods(List.of(HttpMethod.GET.name(), HttpMethod.POST.name(), HttpMethod.PATCH.name(),
                HttpMethod.DELETE.name()));
        config.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, "X-CSRF-Token",
                "X-Request-Id"));
        config.setExposedHeaders(List.of(HttpHeaders.WWW_AUTHENTICATE, HttpHeaders.RETRY_AFTER, "X-Request-Id"));
        config.setAllowCredentials(true);
        config.setMaxAge(Duration.ofMinutes(10));
        this.configuration = config;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        // Every answer depends on Origin (CORS headers or a refusal), including those to requests without one,
        // which shared caches may otherwise serve to a cross-origin page (jwks.json and discovery are public).
        exchange.getResponse().beforeCommit(() -> {
            varyOnOrigin(exchange.getResponse().getHeaders());
            return Mono.empty();
        });
        String origin = exchange.getRequest().getHeaders().getOrigin();
        if (origin == null || origin.equalsIgnoreCase(ownOrigin)) {
            return chain.filter(exchange);
        }
        boolean crossOrigin;
        try {
            crossOrigin = CorsUtils.isCorsRequest(exchange.getRequest());
        } catch (IllegalArgumentException unparsable) {
            // An Origin that is not a URL (InvalidUrlException) cannot be on the allow-list.
            return problems.originRefused(exchange);
        }
        if (!crossOrigin) {
            return chain.filter(exchange);
        }
        if (configuration.checkOrigin(origin) == null) {
            return problems.originRefused(exchange);
        }
        boolean preflight = CorsUtils.isPreFlightRequest(exchange.getRequest());
        if (!processor.process(configuration, exchange)) {
            return problems.write(exchange, corsRefused(preflight), new HttpHeaders());
        }
        return preflight ? Mono.empty() : chain.filter(exchange);
    }

    private static void varyOnOrigin(HttpHeaders headers) {
        List<String> vary = headers.getOrEmpty(HttpHeaders.VARY);
        boolean present = vary.stream().flatMap(value -> Arrays.stream(value.split(",")))
                .anyMatch(name -> name.strip().equalsIgnoreCase(HttpHeaders.ORIGIN) || name.strip().equals("*"));
        if (!present) {
            headers.add(HttpHeaders.VARY, HttpHeaders.ORIGIN);
        }
    }

    private static ProblemDetail corsRefused(boolean preflight) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, preflight
                ? "The preflight asks for a method or header this API does not allow across origins."
                : "This method is not allowed across origins.");
        problem.setTitle(HttpStatus.FORBIDDEN.getReasonPhrase());
        problem.setType(URI.create(Problems.TYPE_PREFIX + "cors-rejected"));
        return problem;
    }

    private static String originOf(String url) {
        URI uri = URI.create(url);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || ("https".equals(scheme) && port == 443) || ("http".equals(scheme) && port == 80);
        return scheme + "://" + uri.getHost() + (defaultPort ? "" : ":" + port);
    }
}
