package io.latchkey.domain.model.audit;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Audit types that are not events on the stream, and the shape every type has ({@code word.word}, lower case), so a
 * filter can refuse what can never match.
 */
public final class AuditTypes {

    /** A wrong password (or a locked subject) at login; for an address without an account, its keyed hash. */
    public static final String LOGIN_FAILED = "login.failed";
    /** The failure that locked the address (or the address on one device) for a while. */
    public static final String LOGIN_LOCKED = "login.locked";

    /** What a user is shown of their own trail: sign-ins, failures, password, factor, identity and account changes. */
    public static final Set<String> OWN_ACTIVITY = Set.of("session.started", LOGIN_FAILED, LOGIN_LOCKED,
            "user.password_changed", "user.email_verified", "user.updated", "user.mfa_enabled", "user.mfa_disabled",
            "identity.linked", "identity.unlinked", "session.revoked");

    private static final Pattern SHAPE = Pattern.compile("[a-z][a-z_]{0,31}(\\.[a-z][a-z_]{0,31}){1,3}");

    private AuditTypes() {
    }

    public static boolean wellFormed(String type) {
        return SHAPE.matcher(type).matches();
    }
}
