package io.latchkey.domain.error;

/** The account's email must be verified before it may log in. */
public final class EmailNotVerifiedException extends AuthException {

    public EmailNotVerifiedException() {
        super(AuthErrorCode.EMAIL_NOT_VERIFIED);
    }
}
