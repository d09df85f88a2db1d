package io.latchkey.domain.model.user;

import java.util.Objects;

/** A password as the user typed it; lives only for the duration of a request and is never printed. */
public record RawPassword(String value) {

    public RawPassword {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return "RawPassword[***]";
    }
}
