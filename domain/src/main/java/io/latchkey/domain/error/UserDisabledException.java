package io.latchkey.domain.error;

/** The account is disabled. */
public final class UserDisabledException extends AuthException {

    public UserDisabledException() {
        super(AuthErrorCode.USER_DISABLED);
    }
}
