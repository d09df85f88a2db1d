package io.latchkey.domain.error;

/** The token's session is revoked, expired, unknown or older than the account's epoch. */
public final class SessionRevokedException extends AuthException {

    public SessionRevokedException() {
        super(AuthErrorCode.SESSION_REVOKED);
    }
}
