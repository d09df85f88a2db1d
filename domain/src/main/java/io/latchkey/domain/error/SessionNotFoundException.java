package io.latchkey.domain.error;

/** The session does not exist or belongs to someone else. */
public final class SessionNotFoundException extends AuthException {

    public SessionNotFoundException() {
        super(AuthErrorCode.SESSION_NOT_FOUND);
    }
}
