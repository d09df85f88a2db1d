package io.latchkey.domain.model.verification;

import io.latchkey.domain.error.FieldViolation;
import io.latchkey.domain.error.InvalidInputException;
import java.util.Objects;
import java.util.regex.Pattern;

/** A 6-digit email verification code. Only an HMAC of it is stored; the digits travel once, by mail. */
public record VerificationCode(String digits) {

    public static final int LENGTH = 6;
    private static final Pattern SHAPE = Pattern.compile("[0-9]{" + LENGTH + "}");

    public VerificationCode {
        Objects.requireNonNull(digits, "digits");
        if (!SHAPE.matcher(digits).matches()) {
            throw new IllegalArgumentException("a verification code is " + LENGTH + " digits");
        }
    }

    /** Parses user input; anything but six ASCII digits is an {@link InvalidInputException} naming {@code field}. */
    public static VerificationCode parse(String raw, String field) {
        String stripped = raw.strip();
        if (!SHAPE.matcher(stripped).matches()) {
            throw new InvalidInputException(new FieldViolation(field, "must be " + LENGTH + " digits"));
        }
        return new VerificationCode(stripped);
    }

    @Override
    public String toString() {
        return "VerificationCode[***]";
    }
}
