package io.latchkey.domain.error;

/** The access token failed signature, header or claim checks. */
public final class InvalidAccessTokenException extends AuthException {

    public InvalidAccessTokenException() {
        super(AuthErrorCode.INVALID_ACCESS_TOKEN);
    }
}
