package io.latchkey.domain.model.reset;

import java.util.Objects;

/** The single-use secret in a password-reset mail. Only its {@link PasswordResetTokenHash} is stored. */
public record PasswordResetToken(String value) {

    /** Anything longer cannot be one of ours; rejecting it early keeps hashing cheap. */
    public static final int MAX_LENGTH = 128;

    public PasswordResetToken {
        Objects.requireNonNull(value, "value");
        if (value.isBlank() || value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("reset token length out of range");
        }
    }

    public PasswordResetTokenHash hash() {
        return PasswordResetTokenHash.of(this);
    }

    @Override
    public String toString() {
        return "PasswordResetToken[***]";
    }
}
