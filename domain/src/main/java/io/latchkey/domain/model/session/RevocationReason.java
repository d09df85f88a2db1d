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
}
