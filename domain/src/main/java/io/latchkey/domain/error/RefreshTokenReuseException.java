package io.latchkey.domain.error;

/** A rotated refresh token came back outside the grace window; its family is revoked. */
public final class RefreshTokenReuseException extends AuthException {

    public RefreshTokenReuseException() {
        super(AuthErrorCode.REFRESH_TOKEN_REUSED);
    }
}
