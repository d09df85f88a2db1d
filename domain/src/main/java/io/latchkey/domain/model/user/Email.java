package io.latchkey.domain.model.user;

import io.latchkey.domain.error.FieldViolation;
import io.latchkey.domain.error.InvalidInputException;
import java.text.Normalizer;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An email address exactly as its owner registered it (trimmed, NFC, case kept): every mail goes to this
 * {@link #value()}, never to a transformed form. {@link #key()} is only the uniqueness key: it folds what cannot
 * route to a different mailbox once mail goes to the registered address alone (see README, "Email addresses").
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
        if (value.isEmpty() || !value.equals(value.strip()) || value.indexOf('@') < 1
                || !Normalizer.isNormalized(value, Normalizer.Form.NFC)) {
            throw new IllegalArgumentException("not an address as registered (trimmed, NFC)");
        }
    }

    /**
     * Parses user input: trimmed and NFC-normalised (canonically equivalent spellings are one address), then
     * refused with an {@link InvalidInputException} naming {@code field} when malformed, when it holds a
     * compatibility character (NFKC would change it: fullwidth forms, ligatures, long s, micro sign …), or a letter
     * whose lower case is a different letter (İ, ẞ, title-case digraphs): folding those would merge addresses that
     * mail systems may deliver to different mailboxes, and keeping them apart would let look-alikes register.
     */
    public static Email parse(String raw, String field) {
        String address = Normalizer.normalize(raw.strip(), Normalizer.Form.NFC);
        if (address.isEmpty() || address.length() > MAX_LENGTH || !SHAPE.matcher(address).matches()) {
            throw invalid(field, "must be a valid email address");
        }
        if (!Normalizer.isNormalized(address, Normalizer.Form.NFKC)) {
            throw invalid(field, "must not contain compatibility characters (fullwidth letters, ligatures, "
                    + "superscripts, long s, micro sign …); write the plain letters");
        }
        if (address.codePoints().anyMatch(Email::lowersIntoAnotherLetter)) {
            throw invalid(field, "must not contain letters whose lower case is a different letter (such as İ or ẞ); "
                    + "write them in lower case");
        }
        return new Email(address);
    }

    /**
     * The uniqueness key: letters lowered by their one-to-one (simple) case mapping in the local part and the
     * domain, and each non-ASCII domain label as its IDNA A-label ({@code xn--…}), so {@code Ada@Bücher.de},
     * {@code ada@bücher.de} and {@code ada@xn--bcher-kva.de} are one account while {@code straße} and
     * {@code strasse}, or {@code ı} and {@code i}, stay different.
     */
    public String key() {
        int at = value.lastIndexOf('@');
        StringBuilder key = new StringBuilder(value.length() + 8).append(lower(value.substring(0, at))).append('@');
        String[] labels = lower(value.substring(at + 1)).split("\\.", -1);
        for (int i = 0; i < labels.length; i++) {
            if (i > 0) {
                key.append('.');
            }
            String label = labels[i];
            key.append(label.chars().allMatch(c -> c < 0x80) ? label : "xn--" + Punycode.encode(label));
        }
        return key.toString();
    }

    private static String lower(String text) {
        StringBuilder lowered = new StringBuilder(text.length());
        text.codePoints().map(Character::toLowerCase).forEach(lowered::appendCodePoint);
        return Normalizer.normalize(lowered, Normalizer.Form.NFC);
    }

    /** An upper- or title-case letter whose lower case does not map back to it, e.g. İ → i → I. */
    private static boolean lowersIntoAnotherLetter(int codePoint) {
        int lower = Character.toLowerCase(codePoint);
        return lower != codePoint && Character.toUpperCase(lower) != codePoint;
    }

    private static InvalidInputException invalid(String field, String message) {
        return new InvalidInputException(new FieldViolation(field, message));
    }

    @Override
    public String toString() {
        return value;
    }
}
