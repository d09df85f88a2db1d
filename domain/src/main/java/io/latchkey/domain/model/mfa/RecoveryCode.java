package io.latchkey.domain.model.mfa;

import io.latchkey.domain.model.token.Sha256;
import io.latchkey.domain.model.user.UserId;
import java.util.Locale;
import java.util.Objects;

/**
 * A single-use recovery code as the user holds it: sixteen characters of a 31-letter alphabet shown as
 * {@code xxxx-xxxx-xxxx-xxxx} (about 79 bits), stored only as the SHA-256 of the owner's id and the code. The length
 * is for a stolen database, not for online guessing (the attempt limits handle that): no offline search of the code
 * space is feasible, and the owner in the hash means one search could never serve every account at once.
 */
public record RecoveryCode(String value) {

    public static final int COUNT = 10;
    /** Characters in a code, without the dashes. */
    public static final int LENGTH = 16;
    private static final int GROUP = 4;

    public RecoveryCode {
        Objects.requireNonNull(value, "value");
    }

    /** As typed: case, spaces and the dash do not matter. */
    public static RecoveryCode parse(String typed) {
        String compact = typed.replace("-", "").replace(" ", "").toLowerCase(Locale.ROOT);
        return compact.length() == LENGTH ? new RecoveryCode(grouped(compact)) : new RecoveryCode(compact);
    }

    /** {@code xxxx-xxxx-xxxx-xxxx} from sixteen characters. */
    public static String grouped(String compact) {
        StringBuilder grouped = new StringBuilder(LENGTH + LENGTH / GROUP);
        for (int i = 0; i < compact.length(); i++) {
            if (i > 0 && i % GROUP == 0) {
                grouped.append('-');
            }
            grouped.append(compact.charAt(i));
        }
        return grouped.toString();
    }

    /** What is stored: bound to the owner, so equal codes of two accounts hash differently. */
    public String hash(UserId owner) {
        return Sha256.hex(owner + ":" + value);
    }

    @Override
    public String toString() {
        return "RecoveryCode[***]";
    }
}
