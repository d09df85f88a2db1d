package io.latchkey.adapters.web;

import java.net.InetSocketAddress;
import org.jspecify.annotations.Nullable;
import org.springframework.web.server.ServerWebExchange;

/**
 * The client's IP, for rate limits and the device list. Behind a proxy it is only right when the proxy's
 * forwarded headers are trusted ({@code server.forward-headers-strategy}); see docs/operations.md.
 */
final class ClientAddress {

    private ClientAddress() {
    }

    static @Nullable String of(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote == null) {
            return null;
        }
        // A forwarded client address arrives unresolved: it has a host string but no InetAddress.
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }
}
