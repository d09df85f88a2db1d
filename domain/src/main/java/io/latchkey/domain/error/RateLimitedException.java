package io.latchkey.domain.error;

import java.time.Duration;

/** Too many attempts from this client or for this account; answered as 429 with {@code Retry-After}. */
public final class RateLimitedException extends AuthException {

    private final Duration retryAfter;

    public RateLimitedException(Duration retryAfter) {
        super(AuthErrorCode.RATE_LIMITED);
        this.retryAfter = retryAfter.isNegative() || retryAfter.isZero() ? Duration.ofSeconds(1) : retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** Whole seconds, rounded up, as {@code Retry-After} wants them. */
    public long retryAfterSeconds() {
        return (retryAfter.toMillis() + 999) / 1000;
    }
}
