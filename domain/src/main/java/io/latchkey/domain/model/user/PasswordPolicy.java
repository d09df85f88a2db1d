package io.latchkey.domain.model.user;

import io.latchkey.domain.error.FieldViolation;
import io.latchkey.domain.error.InvalidInputException;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * NIST 800-63B style rules: a length range counted in code points and a deny list of common
 * passwords; no composition rules.
 */
public record PasswordPolicy(int minLength, int maxLength, Set<String> commonPasswords) {

    public PasswordPolicy {
        if (minLength < 1 || maxLength < minLength) {
            throw new IllegalArgumentException("invalid length range");
        }
        commonPasswords = Set.copyOf(Objects.requireNonNull(commonPasswords, "commonPasswords"));
    }

    public static PasswordPolicy standard(Set<String> commonPasswords) {
        return new PasswordPolicy(8, 128, commonPasswords);
    }

    /** A new password as typed, once it passes {@link #check}; an {@link InvalidInputException} naming {@code field} if not. */
    public RawPassword accept(String raw, String field) {
        RawPassword candidate = new RawPassword(raw);
        check(candidate, field);
        return candidate;
    }

    /** Throws {@link InvalidInputException} naming {@code field} when the password is not acceptable. */
    public void check(RawPassword password, String field) {
        String value = password.value();
        int length = value.codePointCount(0, value.length());
        if (length < minLength || length > maxLength) {
            throw new InvalidInputException(new FieldViolation(field,
                    "must be between " + minLength + " and " + maxLength + " characters"));
        }
        if (commonPasswords.contains(value.toLowerCase(Locale.ROOT))) {
            throw new InvalidInputException(new FieldViolation(field, "is too common; choose another password"));
        }
    }
}
