package io.latchkey.bootstrap.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code latchkey.client-address.trusted-proxies}: how many proxies in front of the service append the client's
 * address to {@code X-Forwarded-For} (1 behind a typical ingress). 0 uses the connection's address.
 */
@ConfigurationProperties("latchkey.client-address")
public record ClientAddressProperties(@DefaultValue("0") int trustedProxies) {
}
