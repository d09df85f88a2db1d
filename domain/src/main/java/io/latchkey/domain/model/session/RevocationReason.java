package io.latchkey.domain.model.session;

/** Why a session ended; the wire value is the lower-case name. */
public enum RevocationReason {
    LOGOUT,
    LOGOUT_ALL,
    REFRESH_REUSE,
    PASSWORD_CHANGED,
    ADMIN,
    ACCOUNT_DELETED,
    EXPIRED,
    /** The account confirmed a second factor; sessions opened before it (without it) end. */
    MFA_ENABLED;

    public String wireValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The reason with this wire value; null for one this version does not know (a newer producer's). */
    public static @org.jspecify.annotations.Nullable RevocationReason fromWireValue(String wire) {
        for (RevocationReason reason : values()) {
            if (reason.wireValue().equals(wire)) {
                return reason;
            }
        }
        return null;
    }

    /**
     * Whether a revocation for this reason ends every session of the account or changes what its sessions may do,
     * so caches drop everything about the user rather than the named sessions.
     */
    public boolean endsEverySession() {
        return switch (this) {
            case LOGOUT_ALL, PASSWORD_CHANGED, ADMIN, ACCOUNT_DELETED -> true;
            case LOGOUT, REFRESH_REUSE, EXPIRED, MFA_ENABLED -> false;
        };
    }
}
