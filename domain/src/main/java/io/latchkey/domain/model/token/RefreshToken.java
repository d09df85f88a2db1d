package io.latchkey.domain.model.token;

import java.util.Objects;

/** The opaque refresh secret handed to the client. Only its {@link RefreshTokenHash} is ever stored. */
public record RefreshToken(String value) {

    /** Anything longer cannot be one of ours; rejecting it early keeps hashing cheap. */
    public static final int MAX_LENGTH = 128;

    public RefreshToken {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty() || value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("refresh token length out of range");
        }
    }

    public RefreshTokenHash hash() {
        return RefreshTokenHash.of(this);
    }

    @Override
    public String toString() {
        return "RefreshToken[***]";
    }
}
