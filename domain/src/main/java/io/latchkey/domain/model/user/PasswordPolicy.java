package io.latchkey.domain.model.user;

import io.latchkey.domain.error.FieldViolation;
import io.latchkey.domain.error.InvalidInputException;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * NIST 800-63B style rules on the NFC form: at least {@code minLength} characters (code points), at most
 * {@code maxBytes} bytes in UTF-8 (never more than {@link RawPassword#MAX_BYTES}, what hashing accepts), and a
 * deny list of common passwords; no composition rules.
 */
public record PasswordPolicy(int minLength, int maxBytes, Set<String> commonPasswords) {

    public PasswordPolicy {
        if (minLength < 1 || maxBytes < minLength || maxBytes > RawPassword.MAX_BYTES) {
            throw new IllegalArgumentException("need 1 <= min-length <= max-bytes <= " + RawPassword.MAX_BYTES);
        }
        commonPasswords = Set.copyOf(Objects.requireNonNull(commonPasswords, "commonPasswords"));
    }

    public static PasswordPolicy standard(Set<String> commonPasswords) {
        return new PasswordPolicy(8, RawPassword.MAX_BYTES, commonPasswords);
    }

    /** A new password, normalised, once it passes {@link #check}; an {@link InvalidInputException} naming {@code field} if not. */
    public RawPassword accept(String raw, String field) {
        RawPassword candidate = new RawPassword(raw);
        check(candidate, field);
        return candidate;
    }

    /** Throws {@link InvalidInputException} naming {@code field} when the password is not acceptable. */
    public void check(RawPassword password, String field) {
        String value = password.value();
        if (password.utf8Length() > maxBytes) {
            throw new InvalidInputException(new FieldViolation(field,
                    "must be at most " + maxBytes + " bytes in UTF-8 (" + maxBytes / 4 + " to " + maxBytes
                            + " characters, depending on the script)"));
        }
        if (value.codePointCount(0, value.length()) < minLength) {
            throw new InvalidInputException(new FieldViolation(field,
                    "must be at least " + minLength + " characters"));
        }
        if (commonPasswords.contains(value.toLowerCase(Locale.ROOT))) {
            throw new InvalidInputException(new FieldViolation(field, "is too common; choose another password"));
        }
    }
}
