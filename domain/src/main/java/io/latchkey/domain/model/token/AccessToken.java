package io.latchkey.domain.model.token;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** A signed, encoded access token and its validity window; the encoded form is never printed. */
public record AccessToken(String encoded, Instant issuedAt, Instant expiresAt) {

    public AccessToken {
        Objects.requireNonNull(encoded, "encoded");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public Duration lifetime() {
        return Duration.between(issuedAt, expiresAt);
    }

    @Override
    public String toString() {
        return "AccessToken[expiresAt=" + expiresAt + "]";
    }
}
