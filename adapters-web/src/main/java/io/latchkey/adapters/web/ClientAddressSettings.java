package io.latchkey.adapters.web;

/** How many proxies in front of the service append to {@code X-Forwarded-For} and are trusted to (0: none). */
public record ClientAddressSettings(int trustedProxies) {

    public ClientAddressSettings {
        if (trustedProxies < 0) {
            throw new IllegalArgumentException("trustedProxies must be 0 or more");
        }
    }
}
