package io.latchkey.domain.error;

/**
 * A passkey answer that does not verify: unknown, expired or reused challenge, wrong origin or rp id, bad signature,
 * a credential of another account, missing user verification, or a signature counter that went backwards.
 */
public final class InvalidPasskeyException extends AuthException {

    public InvalidPasskeyException() {
        super(AuthErrorCode.INVALID_PASSKEY);
    }

    public InvalidPasskeyException(String detail) {
        super(AuthErrorCode.INVALID_PASSKEY, detail, null);
    }
}
