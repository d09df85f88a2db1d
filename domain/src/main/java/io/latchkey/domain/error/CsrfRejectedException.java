package io.latchkey.domain.error;

/** A cookie-authenticated request came without the matching anti-CSRF token. */
public final class CsrfRejectedException extends AuthException {

    public CsrfRejectedException() {
        super(AuthErrorCode.CSRF_REJECTED);
    }
}
