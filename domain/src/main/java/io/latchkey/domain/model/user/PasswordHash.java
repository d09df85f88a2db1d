package io.latchkey.domain.model.user;

import java.util.Objects;

/** An encoded password hash (PHC string); never printed. */
public record PasswordHash(String encoded) {

    /**
     * An account without a password (made by federated sign-in): no hash format produces it, so no password
     * matches it, until one is set through a password reset.
     */
    public static final PasswordHash NONE = new PasswordHash("!none");

    public PasswordHash {
        Objects.requireNonNull(encoded, "encoded");
        if (encoded.isBlank()) {
            throw new IllegalArgumentException("empty password hash");
        }
    }

    public boolean isSet() {
        return !equals(NONE);
    }

    @Override
    public String toString() {
        return "PasswordHash[***]";
    }
}
