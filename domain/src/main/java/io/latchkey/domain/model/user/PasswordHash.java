package io.latchkey.domain.model.user;

import java.util.Objects;

/** An encoded password hash (PHC string); never printed. */
public record PasswordHash(String encoded) {

    public PasswordHash {
        Objects.requireNonNull(encoded, "encoded");
        if (encoded.isBlank()) {
            throw new IllegalArgumentException("empty password hash");
        }
    }

    @Override
    public String toString() {
        return "PasswordHash[***]";
    }
}
