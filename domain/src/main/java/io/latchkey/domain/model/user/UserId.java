package io.latchkey.domain.model.user;

import java.util.Objects;
import java.util.UUID;

/** The stable identifier of an account; the JWT {@code sub}. */
public record UserId(UUID value) {

    public UserId {
        Objects.requireNonNull(value, "value");
    }

    public static UserId parse(String text) {
        return new UserId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
