package io.latchkey.bootstrap.config;

import io.latchkey.domain.model.passkey.PasskeyPolicy;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code latchkey.passkeys.*}: the WebAuthn relying party. {@code rp-id} is the registrable domain the web app's
 * origins share (e.g. {@code example.com} for {@code https://app.example.com}); passkeys are bound to it, so changing
 * it orphans every registered passkey. {@code origins} lists the exact origins (scheme, host, port) whose pages may
 * run the ceremonies; {@code ceremony-ttl} how long a challenge may be answered. The defaults suit a local run only.
 */
@ConfigurationProperties("latchkey.passkeys")
public record PasskeyProperties(
        @DefaultValue("localhost") String rpId,
        @DefaultValue("Latchkey") String rpName,
        @DefaultValue("http://localhost:8080") List<String> origins,
        @DefaultValue("5m") Duration ceremonyTtl) {

    PasskeyPolicy toPolicy() {
        return new PasskeyPolicy(rpId, rpName, ceremonyTtl);
    }
}
