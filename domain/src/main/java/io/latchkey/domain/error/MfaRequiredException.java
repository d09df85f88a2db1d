package io.latchkey.domain.error;

import java.util.List;
import java.util.Objects;

/**
 * The first factor was right but the account has a second one: no tokens yet, only the MFA token (single use,
 * short-lived) to complete the sign-in with one of {@code methods}.
 */
public final class MfaRequiredException extends AuthException {

    private final String mfaToken;
    private final List<String> methods;
    private final long expiresInSeconds;

    public MfaRequiredException(String mfaToken, List<String> methods, long expiresInSeconds) {
        super(AuthErrorCode.MFA_REQUIRED);
        this.mfaToken = Objects.requireNonNull(mfaToken, "mfaToken");
        this.methods = List.copyOf(methods);
        this.expiresInSeconds = expiresInSeconds;
    }

    public String mfaToken() {
        return mfaToken;
    }

    /** What completes it: {@code otp}, {@code recovery_code}. */
    public List<String> methods() {
        return methods;
    }

    public long expiresInSeconds() {
        return expiresInSeconds;
    }
}
