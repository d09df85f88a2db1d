package io.latchkey.domain.error;

/** The presented email verification code is wrong, used up or expired. */
public final class InvalidVerificationCodeException extends AuthException {

    public InvalidVerificationCodeException() {
        super(AuthErrorCode.INVALID_VERIFICATION_CODE);
    }
}
