package io.latchkey.adapters.web.security;

import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * {@code Strict-Transport-Security} on every response, for a service told that clients reach it only through
 * TLS terminated in front of it. Spring Security's own writer cannot be used there: it writes HSTS only for
 * requests that arrived over HTTPS, and behind the terminator every request arrives as plain HTTP.
 */
final class HstsFilter implements WebFilter {

    private static final String HEADER = "Strict-Transport-Security";

    private final String value;

    HstsFilter(BrowserSecuritySettings settings) {
        this.value = settings.hstsHeaderValue();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getResponse().getHeaders().set(HEADER, value);
        return chain.filter(exchange);
    }
}
