package io.latchkey.application.service;

import io.latchkey.domain.error.FieldViolation;
import io.latchkey.domain.error.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** Collects every bad field of one request, so the client hears about all of them at once. */
final class InputViolations {

    private final List<FieldViolation> violations = new ArrayList<>();

    /** Parses a required field; records a violation and returns null when it is missing or invalid. */
    <T> @Nullable T required(@Nullable String raw, String field, Function<String, T> parser) {
        if (raw == null || raw.isBlank()) {
            violations.add(new FieldViolation(field, "is required"));
            return null;
        }
        return optional(raw, parser);
    }

    /** Runs a parser or check that may throw {@link InvalidInputException}, recording its violations. */
    <T> @Nullable T optional(String raw, Function<String, T> parser) {
        try {
            return parser.apply(raw);
        } catch (InvalidInputException e) {
            violations.addAll(e.violations());
            return null;
        }
    }

    void add(String field, String message) {
        violations.add(new FieldViolation(field, message));
    }

    void throwIfAny() {
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }
}
