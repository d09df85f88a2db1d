package io.latchkey.adapters.web;

import io.latchkey.adapters.web.security.ClientAddressSource;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * The client's IP, for rate limits and the device list. Behind {@code trustedProxies} proxies that each append the
 * address they received from to {@code X-Forwarded-For}, the client is that many entries from the right: entries
 * further left, and any {@code Forwarded} header, were written by the client and are ignored.
 */
@Component
class ClientAddresses implements ClientAddressSource {

    private final int trustedProxies;

    ClientAddresses(ClientAddressSettings settings) {
        this.trustedProxies = settings.trustedProxies();
    }

    @Override
    public @Nullable String of(ServerWebExchange exchange) {
        if (trustedProxies > 0) {
            List<String> forwarded = forwardedFor(exchange);
            if (forwarded.size() >= trustedProxies) {
                return forwarded.get(forwarded.size() - trustedProxies);
            }
        }
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote == null) {
            return null;
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }

    private static List<String> forwardedFor(ServerWebExchange exchange) {
        List<String> entries = new ArrayList<>();
        for (String header : exchange.getRequest().getHeaders().getOrEmpty("X-Forwarded-For")) {
            for (String entry : header.split(",")) {
                if (!entry.isBlank()) {
                    entries.add(entry.strip());
                }
            }
        }
        return entries;
    }
}
