package io.latchkey.resourceserver.reactive;

import io.latchkey.resourceserver.revocation.BearerTokens;
import io.latchkey.resourceserver.revocation.IntrospectionClient;
import io.latchkey.resourceserver.revocation.RevocationGate;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Runs before Spring Security's filter chain: a revoked token gets 401, and while the revocation set cannot be
 * trusted the request gets the configured fallback (introspection, or 503 with Retry-After). Everything else goes
 * on to signature and claim validation.
 */
public final class RevocationWebFilter implements WebFilter, Ordered {

    /** Before {@code WebFilterChainProxy} (-100). */
    public static final int ORDER = -200;

    private final RevocationGate gate;
    private final @Nullable IntrospectionClient introspection;

    public RevocationWebFilter(RevocationGate gate, @Nullable IntrospectionClient introspection) {
        this.gate = gate;
        this.introspection = introspection;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String token = BearerTokens.from(exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION));
        if (token == null) {
            return chain.filter(exchange);
        }
        return switch (gate.decide(token)) {
            case PROCEED -> chain.filter(exchange);
            case REVOKED -> revoked(exchange.getResponse());
            case UNAVAILABLE -> unavailable(exchange.getResponse());
            case INTROSPECT -> introspection == null ? unavailable(exchange.getResponse())
                    : Mono.fromFuture(() -> introspection.isActive(token))
                            .onErrorResume(e -> Mono.empty())
                            .map(active -> active ? 1 : 0)
                            .defaultIfEmpty(-1)
                            .flatMap(outcome -> switch (outcome) {
                                case 1 -> chain.filter(exchange);
                                case 0 -> revoked(exchange.getResponse());
                                default -> unavailable(exchange.getResponse());
                            });
        };
    }

    private static Mono<Void> revoked(ServerHttpResponse response) {
        response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, BearerTokens.REVOKED_CHALLENGE);
        return write(response, HttpStatus.UNAUTHORIZED, BearerTokens.REVOKED_BODY);
    }

    private static Mono<Void> unavailable(ServerHttpResponse response) {
        response.getHeaders().set(HttpHeaders.RETRY_AFTER, BearerTokens.RETRY_AFTER_SECONDS);
        return write(response, HttpStatus.SERVICE_UNAVAILABLE, BearerTokens.UNAVAILABLE_BODY);
    }

    private static Mono<Void> write(ServerHttpResponse response, HttpStatus status, String body) {
        response.setStatusCode(status);
        response.getHeaders().set(HttpHeaders.CONTENT_TYPE, BearerTokens.PROBLEM_JSON);
        response.getHeaders().set(HttpHeaders.CACHE_CONTROL, "no-store");
        return response.writeWith(Mono.fromSupplier(
                () -> response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8))));
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
