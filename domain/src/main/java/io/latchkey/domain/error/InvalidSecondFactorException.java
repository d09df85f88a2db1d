package io.latchkey.domain.error;

/** A TOTP or recovery code that is wrong, malformed or already used. */
public final class InvalidSecondFactorException extends AuthException {

    public InvalidSecondFactorException() {
        super(AuthErrorCode.INVALID_SECOND_FACTOR);
    }
}
