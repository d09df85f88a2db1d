package io.latchkey.adapters.web.security;

import java.time.Duration;
import java.util.Objects;

/** What every token says about who issued it and for whom, and how much clock skew verification tolerates. */
public record TokenSettings(String issuer, String audience, Duration clockSkew, int maxTokenLength) {

    public TokenSettings {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(clockSkew, "clockSkew");
        if (issuer.isBlank() || audience.isBlank()) {
            throw new IllegalArgumentException("issuer and audience are required");
        }
        if (maxTokenLength < 256) {
            throw new IllegalArgumentException("maxTokenLength too small");
        }
    }
}
