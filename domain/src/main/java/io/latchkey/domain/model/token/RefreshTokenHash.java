package io.latchkey.domain.model.token;

import java.util.Objects;

/**
 * SHA-256 of a refresh token, hex encoded. A fast hash is right here: the token is 256 random bits,
 * so there is nothing to brute-force, and lookups must be cheap.
 */
public record RefreshTokenHash(String hex) {

    public RefreshTokenHash {
        Objects.requireNonNull(hex, "hex");
        if (hex.length() != 64) {
            throw new IllegalArgumentException("not a SHA-256 hex digest");
        }
    }

    public static RefreshTokenHash of(RefreshToken token) {
        return new RefreshTokenHash(Sha256.hex(token.value()));
    }
}
