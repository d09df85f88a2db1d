package io.latchkey.domain.error;

import java.util.EnumSet;
import java.util.Set;

/** A federated sign-in or identity link refused for one of the federation reasons. */
public final class FederationException extends AuthException {

    private static final Set<AuthErrorCode> CODES = EnumSet.of(AuthErrorCode.UNKNOWN_IDENTITY_PROVIDER,
            AuthErrorCode.REDIRECT_URI_NOT_ALLOWED, AuthErrorCode.FEDERATION_REJECTED, AuthErrorCode.ACCOUNT_EXISTS,
            AuthErrorCode.EMAIL_REQUIRED, AuthErrorCode.IDENTITY_ALREADY_LINKED, AuthErrorCode.IDENTITY_NOT_LINKED, AuthErrorCode.LAST_SIGN_IN_METHOD,
            AuthErrorCode.ID_TOKEN_NOT_SUPPORTED);

    public FederationException(AuthErrorCode code) {
        super(code);
        if (!CODES.contains(code)) {
            throw new IllegalArgumentException("not a federation code: " + code);
        }
    }
}
