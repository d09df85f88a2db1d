package io.latchkey.domain.model.abuse;

import java.time.Duration;
import java.util.Objects;

/** Whether one more attempt is allowed, and if not, how long until the window lets one through. */
public record RateLimitDecision(boolean allowed, Duration retryAfter) {

    public static final RateLimitDecision ALLOWED = new RateLimitDecision(true, Duration.ZERO);

    public RateLimitDecision {
        Objects.requireNonNull(retryAfter, "retryAfter");
    }

    public static RateLimitDecision deniedFor(Duration retryAfter) {
        return new RateLimitDecision(false, retryAfter);
    }
}
