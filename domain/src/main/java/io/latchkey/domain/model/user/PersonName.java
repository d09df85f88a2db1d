package io.latchkey.domain.model.user;

import io.latchkey.domain.error.FieldViolation;
import io.latchkey.domain.error.InvalidInputException;
import org.jspecify.annotations.Nullable;

/** Optional first and last name; each at most {@value #MAX_LENGTH} characters, blank meaning absent. */
public record PersonName(@Nullable String first, @Nullable String last) {

    public static final int MAX_LENGTH = 100;

    public PersonName {
        first = normalise(first, "first_name");
        last = normalise(last, "last_name");
    }

    private static @Nullable String normalise(@Nullable String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.codePointCount(0, stripped.length()) > MAX_LENGTH) {
            throw new InvalidInputException(new FieldViolation(field, "must be at most " + MAX_LENGTH + " characters"));
        }
        return stripped;
    }
}
