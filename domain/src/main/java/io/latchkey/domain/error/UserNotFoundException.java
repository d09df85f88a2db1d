package io.latchkey.domain.error;

/** No account has the id an administrator named. */
public final class UserNotFoundException extends AuthException {

    public UserNotFoundException() {
        super(AuthErrorCode.USER_NOT_FOUND);
    }
}
