package io.latchkey.domain.error;

/** The email is already taken. */
public final class EmailAlreadyRegisteredException extends AuthException {

    public EmailAlreadyRegisteredException() {
        super(AuthErrorCode.EMAIL_ALREADY_REGISTERED);
    }
}
