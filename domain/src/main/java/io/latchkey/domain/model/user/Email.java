package io.latchkey.domain.model.user;

import io.latchkey.domain.error.FieldViolation;
import io.latchkey.domain.error.InvalidInputException;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An email address in canonical form (NFKC, case-folded, trimmed): the login, so {@code A@x.io} and
 * {@code a@X.io} are one account.
 */
public record Email(String value) {

    public static final int MAX_LENGTH = 254;
    // Loose on purpose (deliverability is proven by the verification code), but only characters a mailbox name
    // can hold unquoted: letters and digits of any script, the RFC 5322 atext symbols and dots. Quotes, commas,
    // angle brackets, spaces and control characters would let a mail header read a different recipient.
    private static final String LOCAL = "[\\p{L}\\p{M}\\p{N}!#$%&'*+/=?^_`{|}~.-]{1,64}";
    private static final String LABEL = "[\\p{L}\\p{M}\\p{N}-]+";
    private static final Pattern SHAPE = Pattern.compile("^" + LOCAL + "@" + LABEL + "(\\." + LABEL + ")+$");

    public Email {
        Objects.requireNonNull(value, "value");
        if (!value.equals(canonicalise(value)) || value.length() > MAX_LENGTH || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("not a canonical email address");
        }
    }

    /** Parses user input; a malformed address is an {@link InvalidInputException} naming {@code field}. */
    public static Email parse(String raw, String field) {
        String canonical = canonicalise(raw);
        if (canonical.isEmpty() || canonical.length() > MAX_LENGTH || !SHAPE.matcher(canonical).matches()) {
            throw new InvalidInputException(new FieldViolation(field, "must be a valid email address"));
        }
        return new Email(canonical);
    }

    static String canonicalise(String raw) {
        String nfkc = Normalizer.normalize(raw.strip(), Normalizer.Form.NFKC);
        // Full case folding: lower(upper(x)) folds characters like ß/ẞ and the Kelvin sign consistently.
        return nfkc.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value;
    }
}
