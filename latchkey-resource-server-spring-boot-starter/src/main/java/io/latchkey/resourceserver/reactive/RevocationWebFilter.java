package io.latchkey.resourceserver.reactive;

import io.latchkey.resourceserver.revocation.BearerTokens;
import io.latchkey.resourceserver.revocation.IntrospectionClient;
import io.latchkey.resourceserver.revocation.RevocationGate;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Runs before Spring Security's filter chain and validates the token with the same decoder first (a token that
 * fails goes on to Spring Security, which answers 401). Then a revoked token gets 401, and while the revocation set
 * cannot be trusted the request gets the configured fallback (introspection, or 503 with Retry-After).
 */
public final class RevocationWebFilter implements WebFilter, Ordered {

    /** Before {@code WebFilterChainProxy} (-100). */
    public static final int ORDER = -200;

    private final RevocationGate gate;
    private final ReactiveJwtDecoder decoder;
    private final @Nullable IntrospectionClient introspection;

    public RevocationWebFilter(RevocationGate gate, ReactiveJwtDecoder decoder,
            @Nullable IntrospectionClient introspection) {
        this.gate = gate;
        this.decoder = decoder;
        this.introspection = introspection;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String token = BearerTokens.from(exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION));
        if (token == null) {
            return chain.filter(exchange);
        }
        // Signature and claims first: a token that fails them is left to Spring Security (401) and never costs a
        // revocation decision or an introspection call.
        return decoder.decode(token).map(jwt -> Optional.of(gate.decide(jwt.getClaims())))
                .onErrorResume(JwtException.class, e -> Mono.just(Optional.empty()))
                .flatMap(decision -> decision.isEmpty() ? chain.filter(exchange) : apply(decision.get(), token,
                        exchange, chain));
    }

    private Mono<Void> apply(RevocationGate.Decision decision, String token, ServerWebExchange exchange,
            WebFilterChain chain) {
        return switch (decision) {
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
