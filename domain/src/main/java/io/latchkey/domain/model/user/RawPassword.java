package io.latchkey.domain.model.user;

import java.text.Normalizer;
import java.util.Objects;
import java.util.Optional;

/**
 * A password as the user typed it, in NFC (NIST SP 800-63B §5.1.1.2), so the composed and decomposed spellings
 * of one password are one password; lives only for the duration of a request and is never printed. An ASCII
 * password is its own NFC, so hashes stored before normalisation still match; for the others the form as typed is
 * kept too ({@link #asTypedIfDifferent}), so a hash made from a decomposed spelling before normalisation can still
 * be checked once and upgraded.
 */
public record RawPassword(String value, String asTyped) {

    /**
     * The most UTF-8 bytes any password may have: what the hash is ever given. Enough for 128 characters of any
     * script (4 bytes at most each), far below anything that would make hashing costly.
     */
    public static final int MAX_BYTES = 512;

    /** Use {@link #RawPassword(String)}: this one keeps {@code value} as given (see {@link #asTypedIfDifferent}). */
    public RawPassword {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(asTyped, "asTyped");
    }

    /** The password as typed, its {@link #value()} in NFC. */
    public RawPassword(String typed) {
        this(Normalizer.normalize(Objects.requireNonNull(typed, "typed"), Normalizer.Form.NFC), typed);
    }

    /**
     * The password exactly as typed, un-normalised, when that differs from its NFC form: what a hash stored before
     * normalisation was made from. Its {@link #value()} is the typed form, not NFC: only for checking such a hash.
     */
    public Optional<RawPassword> asTypedIfDifferent() {
        return asTyped.equals(value) ? Optional.empty() : Optional.of(new RawPassword(asTyped, asTyped));
    }

    /** Whether the password is at most {@link #MAX_BYTES} in UTF-8; a longer one is refused before any hashing. */
    public boolean fitsHashInput() {
        return utf8Length() <= MAX_BYTES;
    }

    /** The length in UTF-8 bytes, counted without encoding. */
    public int utf8Length() {
        int bytes = 0;
        for (int i = 0; i < value.length(); ) {
            int codePoint = value.codePointAt(i);
            bytes += codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
            i += Character.charCount(codePoint);
        }
        return bytes;
    }

    @Override
    public String toString() {
        return "RawPassword[***]";
    }
}
