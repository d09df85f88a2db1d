package io.latchkey.domain.model.user;

import java.text.Normalizer;
import java.util.Objects;

/**
 * A password as the user typed it, in NFC (NIST SP 800-63B §5.1.1.2), so the composed and decomposed spellings
 * of one password are one password; lives only for the duration of a request and is never printed. An ASCII
 * password is its own NFC, so hashes stored before normalisation still match.
 */
public record RawPassword(String value) {

    /**
     * The most UTF-8 bytes any password may have: what the hash is ever given. Enough for 128 characters of any
     * script (4 bytes at most each), far below anything that would make hashing costly.
     */
    public static final int MAX_BYTES = 512;

    public RawPassword {
        Objects.requireNonNull(value, "value");
        value = Normalizer.normalize(value, Normalizer.Form.NFC);
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
