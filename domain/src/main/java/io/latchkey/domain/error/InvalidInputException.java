package io.latchkey.domain.error;

import java.util.List;

/** The input broke a rule; carries every field that did. */
public final class InvalidInputException extends AuthException {

    private final List<FieldViolation> violations;

    public InvalidInputException(List<FieldViolation> violations) {
        super(AuthErrorCode.INVALID_INPUT);
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("at least one violation");
        }
        this.violations = List.copyOf(violations);
    }

    public InvalidInputException(FieldViolation violation) {
        this(List.of(violation));
    }

    public List<FieldViolation> violations() {
        return violations;
    }

    @Override
    public String getMessage() {
        return violations.stream().map(v -> v.field() + ": " + v.message()).reduce((a, b) -> a + "; " + b).orElse("");
    }
}
