package io.latchkey.domain.error;

/**
 * Stable failure codes. The web adapter turns each into a problem type {@code urn:problem:latchkey:<slug>};
 * clients may branch on these, so a slug never changes meaning.
 */
public enum AuthErrorCode {
    INVALID_INPUT("invalid-input", "The request is not valid."),
    EMAIL_ALREADY_REGISTERED("email-already-registered", "An account with this email already exists."),
    INVALID_CREDENTIALS("invalid-credentials", "The email or password is incorrect."),
    INVALID_ACCESS_TOKEN("invalid-token", "The access token is invalid or expired."),
    SESSION_REVOKED("invalid-token", "The access token is invalid or expired."),
    USER_DISABLED("account-disabled", "This account is disabled."),
    REFRESH_TOKEN_INVALID("invalid-refresh-token", "The refresh token is invalid or expired."),
    REFRESH_TOKEN_REUSED("refresh-token-reused", "The refresh token was already used; the session has been revoked."),
    SESSION_NOT_FOUND("session-not-found", "No such session."),
    CSRF_REJECTED("csrf-rejected", "The request lacks a valid anti-CSRF token."),
    RATE_LIMITED("too-many-requests", "Too many attempts; retry after the time given in Retry-After."),
    INVALID_VERIFICATION_CODE("invalid-verification-code", "The verification code is invalid or has expired."),
    INVALID_RESET_TOKEN("invalid-reset-token", "The password-reset token is invalid or has expired."),
    INCORRECT_PASSWORD("incorrect-password", "The current password is incorrect."),
    EMAIL_NOT_VERIFIED("email-not-verified", "The email address of this account is not verified yet."),
    USER_NOT_FOUND("user-not-found", "No such user."),
    MFA_REQUIRED("mfa-required", "A second factor is required: complete the sign-in with the mfa_token."),
    INVALID_MFA_TOKEN("invalid-mfa-token", "The MFA token is invalid, expired, used up or already completed; sign in again."),
    INVALID_SECOND_FACTOR("invalid-second-factor", "The second-factor code is incorrect or was already used."),
    STEP_UP_REQUIRED("step-up-required", "This change needs a recent authentication; re-authenticate through POST /api/v1/me/step-up."),
    FACTOR_CONFLICT("factor-conflict", "The second factor is not in a state that allows this."),
    DEPENDENCY_UNAVAILABLE("temporarily-unavailable", "The service is temporarily unavailable; retry shortly."),
    UNKNOWN_IDENTITY_PROVIDER("unknown-identity-provider", "No identity provider with this name is configured."),
    REDIRECT_URI_NOT_ALLOWED("redirect-uri-not-allowed", "This redirect URI is not registered for the identity provider."),
    FEDERATION_REJECTED("invalid-federation-grant", "The sign-in could not be completed; start it again."),
    ID_TOKEN_NOT_SUPPORTED("id-token-not-supported",
            "This identity provider issues no ID tokens; sign in through its browser flow (authorize, callback, token)."),
    ACCOUNT_EXISTS("account-exists",
            "An account with this email already exists; log in with it, then link this identity provider."),
    EMAIL_REQUIRED("email-required",
            "The identity provider shared no email address; log in with another method, then link this provider."),
    IDENTITY_NOT_LINKED("identity-not-linked", "No identity of this provider is linked to the account."),
    IDENTITY_ALREADY_LINKED("identity-already-linked", "This identity is already linked to an account."),
    INVALID_PASSKEY("invalid-passkey", "The passkey answer could not be verified; start the ceremony again."),
    PASSKEY_NOT_FOUND("passkey-not-found", "No such passkey of this account."),
    LAST_SIGN_IN_METHOD("last-sign-in-method",
            "This is the account's only way to log in; set a password or link another provider first.");

    private final String slug;
    private final String defaultMessage;

    AuthErrorCode(String slug, String defaultMessage) {
        this.slug = slug;
        this.defaultMessage = defaultMessage;
    }

    public String slug() {
        return slug;
    }

    public String defaultMessage() {
        return defaultMessage;
    }
}
