package io.latchkey.adapters.web.security;

import io.latchkey.adapters.web.error.Problems;
import java.net.URI;
import java.time.Duration;
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
 * Requests from the service's own public origin (the issuer's) or without an {@code Origin} are not CORS and pass.
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
        String origin = exchange.getRequest().getHeaders().getOrigin();
        if (origin == null || origin.equalsIgnoreCase(ownOrigin) || !CorsUtils.isCorsRequest(exchange.getRequest())) {
            return chain.filter(exchange);
        }
        if (configuration.checkOrigin(origin) == null) {
            return problems.originRefused(exchange, origin);
        }
        if (!processor.process(configuration, exchange)) {
            return problems.write(exchange, corsRefused(), new HttpHeaders());
        }
        return CorsUtils.isPreFlightRequest(exchange.getRequest()) ? Mono.empty() : chain.filter(exchange);
    }

    private static ProblemDetail corsRefused() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                "The preflight asks for a method or header this API does not allow across origins.");
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
