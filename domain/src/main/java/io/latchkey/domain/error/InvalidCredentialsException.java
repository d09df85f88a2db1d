package io.latchkey.domain.error;

/** Unknown email or wrong password (deliberately indistinguishable). */
public final class InvalidCredentialsException extends AuthException {

    public InvalidCredentialsException() {
        super(AuthErrorCode.INVALID_CREDENTIALS);
    }
}
