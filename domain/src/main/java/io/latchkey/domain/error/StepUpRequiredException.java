package io.latchkey.domain.error;

import java.time.Duration;

/**
 * A sensitive change needs the session to have authenticated within {@code maxAge} and, when the account has a
 * second factor, with it (RFC 9470's {@code insufficient_user_authentication}).
 */
public final class StepUpRequiredException extends AuthException {

    private final Duration maxAge;
    private final boolean secondFactor;

    public StepUpRequiredException(Duration maxAge, boolean secondFactor) {
        super(AuthErrorCode.STEP_UP_REQUIRED, secondFactor
                ? "This change needs an authentication with your second factor in the last " + maxAge.toSeconds()
                        + " seconds; re-authenticate through POST /api/v1/me/step-up."
                : "This change needs an authentication in the last " + maxAge.toSeconds()
                        + " seconds; re-authenticate through POST /api/v1/me/step-up.", null);
        this.maxAge = maxAge;
        this.secondFactor = secondFactor;
    }

    public Duration maxAge() {
        return maxAge;
    }

    public boolean secondFactor() {
        return secondFactor;
    }
}
