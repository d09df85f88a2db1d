package io.latchkey.domain.error;

/** The refresh token is unknown, expired or its session is revoked. */
public final class RefreshTokenInvalidException extends AuthException {

    public RefreshTokenInvalidException() {
        super(AuthErrorCode.REFRESH_TOKEN_INVALID);
    }
}
