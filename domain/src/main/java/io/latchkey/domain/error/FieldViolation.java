package io.latchkey.domain.error;

import java.util.Objects;

/** One rejected input field and why, e.g. {@code email: must be a valid email address}. */
public record FieldViolation(String field, String message) {

    public FieldViolation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
