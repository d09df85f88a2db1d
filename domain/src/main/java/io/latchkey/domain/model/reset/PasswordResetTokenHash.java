package io.latchkey.domain.model.reset;

import io.latchkey.domain.model.token.Sha256;
import java.util.Objects;

/** SHA-256 of a reset token, hex encoded; the token is 256 random bits, so a fast hash is enough. */
public record PasswordResetTokenHash(String hex) {

    public PasswordResetTokenHash {
        Objects.requireNonNull(hex, "hex");
        if (hex.length() != 64) {
            throw new IllegalArgumentException("not a SHA-256 hex digest");
        }
    }

    public static PasswordResetTokenHash of(PasswordResetToken token) {
        return new PasswordResetTokenHash(Sha256.hex(token.value()));
    }
}
