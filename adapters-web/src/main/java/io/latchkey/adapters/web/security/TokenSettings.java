package io.latchkey.adapters.web.security;

import java.time.Duration;
import java.util.Objects;

/**
 * What every token says about who issued it, for whom and to which client (RFC 9068 {@code client_id}), and
 * how much clock skew verification tolerates.
 */
public record TokenSettings(String issuer, String audience, String clientId, Duration clockSkew, int maxTokenLength) {

    public TokenSettings {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clockSkew, "clockSkew");
        if (issuer.isBlank() || audience.isBlank() || clientId.isBlank()) {
            throw new IllegalArgumentException("issuer, audience and client id are required");
        }
        if (maxTokenLength < 256) {
            throw new IllegalArgumentException("maxTokenLength too small");
        }
    }
}
