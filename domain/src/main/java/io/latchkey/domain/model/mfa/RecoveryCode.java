package io.latchkey.domain.model.mfa;

import io.latchkey.domain.model.token.Sha256;
import java.util.Locale;
import java.util.Objects;

/**
 * A single-use recovery code as the user holds it: ten characters of a 31-letter alphabet shown as
 * {@code xxxxx-xxxxx} (about 49 bits, far beyond guessing under the attempt limits), stored only as its SHA-256.
 */
public record RecoveryCode(String value) {

    public static final int COUNT = 10;

    public RecoveryCode {
        Objects.requireNonNull(value, "value");
    }

    /** As typed: case, spaces and the dash do not matter. */
    public static RecoveryCode parse(String typed) {
        String compact = typed.replace("-", "").replace(" ", "").toLowerCase(Locale.ROOT);
        if (compact.length() != 10) {
            return new RecoveryCode(compact);
        }
        return new RecoveryCode(compact.substring(0, 5) + "-" + compact.substring(5));
    }

    public String hash() {
        return Sha256.hex(value);
    }

    @Override
    public String toString() {
        return "RecoveryCode[***]";
    }
}
