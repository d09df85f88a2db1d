package io.latchkey.domain.error;

/** The MFA token names no pending challenge: never issued, expired, out of attempts or already completed. */
public final class InvalidMfaTokenException extends AuthException {

    public InvalidMfaTokenException() {
        super(AuthErrorCode.INVALID_MFA_TOKEN);
    }
}
