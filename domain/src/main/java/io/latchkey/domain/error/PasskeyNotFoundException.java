package io.latchkey.domain.error;

/** No passkey with this id belongs to the caller. */
public final class PasskeyNotFoundException extends AuthException {

    public PasskeyNotFoundException() {
        super(AuthErrorCode.PASSKEY_NOT_FOUND);
    }
}
