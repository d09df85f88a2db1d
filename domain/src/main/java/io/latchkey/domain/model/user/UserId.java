package io.latchkey.domain.model.user;

import java.util.Objects;
import java.util.UUID;

/** The stable identifier of an account; the JWT {@code sub}. */
public record UserId(UUID value) {

    public UserId {
        Objects.requireNonNull(value, "value");
    }

    /** Only the canonical 36-character form: {@code UUID.fromString} also takes shortened groups. */
    public static UserId parse(String text) {
        UUID id = UUID.fromString(text);
        if (text.length() != 36 || !id.toString().equalsIgnoreCase(text)) {
            throw new IllegalArgumentException("not a canonical UUID: " + text);
        }
        return new UserId(id);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
