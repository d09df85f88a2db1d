package io.latchkey.domain.error;

/** The current password given to confirm a sensitive change is wrong. */
public final class IncorrectPasswordException extends AuthException {

    public IncorrectPasswordException() {
        super(AuthErrorCode.INCORRECT_PASSWORD);
    }
}
