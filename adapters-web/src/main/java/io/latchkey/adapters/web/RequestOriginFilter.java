package io.latchkey.adapters.web;

import io.latchkey.adapters.web.security.ClientAddressSource;
import io.latchkey.domain.model.audit.RequestOrigin;
import io.latchkey.domain.model.auth.AuthenticatedCaller;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * Puts the request's {@link RequestOrigin} (client address as the rate limits see it, user agent, and the
 * caller once the bearer token checked out) into the Reactor context, where the audit store reads it. Ordered after
 * Spring Security's chain (order -100), which runs the rest of the chain inside the caller's security context.
 */
@Component
@Order(0)
class RequestOriginFilter implements WebFilter {

    private final ClientAddressSource clients;

    RequestOriginFilter(ObjectProvider<ClientAddressSource> clients) {
        this.clients = clients.getIfAvailable(ClientAddressSource::remotePeer);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String address = clients.of(exchange);
        String agent = exchange.getRequest().getHeaders().getFirst(HttpHeaders.USER_AGENT);
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .map(Authentication::getPrincipal)
                .filter(AuthenticatedCaller.class::isInstance)
                .map(AuthenticatedCaller.class::cast)
                .map(caller -> new RequestOrigin(address, agent, caller.userId(), caller.sessionId()))
                .defaultIfEmpty(new RequestOrigin(address, agent, null, null))
                .flatMap(origin -> chain.filter(exchange).contextWrite(Context.of(RequestOrigin.CONTEXT_KEY, origin)));
    }
}
