package io.latchkey.adapters.web.security;

import org.jspecify.annotations.Nullable;
import org.springframework.web.server.ServerWebExchange;

/** The client's IP address as the service trusts it (behind its configured proxies); null when unknown. */
@FunctionalInterface
public interface ClientAddressSource {

    @Nullable String of(ServerWebExchange exchange);

    /** The peer of the TCP connection, for when no proxy is trusted. */
    static ClientAddressSource remotePeer() {
        return exchange -> exchange.getRequest().getRemoteAddress() == null ? null
                : exchange.getRequest().getRemoteAddress().getHostString();
    }
}
