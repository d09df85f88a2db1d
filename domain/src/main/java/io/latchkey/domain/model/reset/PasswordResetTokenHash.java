package io.latchkey.domain.model.reset;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
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
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.value().getBytes(StandardCharsets.UTF_8));
            return new PasswordResetTokenHash(HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is mandatory on every JVM", e);
        }
    }
}
