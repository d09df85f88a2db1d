package io.latchkey.domain.error;

/** The presented password-reset token is unknown, used or expired. */
public final class InvalidResetTokenException extends AuthException {

    public InvalidResetTokenException() {
        super(AuthErrorCode.INVALID_RESET_TOKEN);
    }
}
