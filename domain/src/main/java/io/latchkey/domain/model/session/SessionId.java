package io.latchkey.domain.model.session;

import java.util.Objects;
import java.util.UUID;

/** Identifies one login session (refresh-token family); the JWT {@code sid}. */
public record SessionId(UUID value) {

    public SessionId {
        Objects.requireNonNull(value, "value");
    }

    public static SessionId parse(String text) {
        return new SessionId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
