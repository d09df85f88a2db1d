package io.latchkey.domain.model.outbox;

import java.time.Duration;
import java.util.Objects;

/** Exponential back-off for relaying an event whose publication failed: base × 2^attempts, capped. */
public record RetryPolicy(Duration base, Duration max) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(Duration.ofMillis(200), Duration.ofSeconds(30));
    /** For mail: an SMTP outage is usually longer than a broker hiccup, and every attempt may hold a connection. */
    public static final RetryPolicy MAIL = new RetryPolicy(Duration.ofSeconds(1), Duration.ofMinutes(2));

    public RetryPolicy {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(max, "max");
        if (base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
            throw new IllegalArgumentException("invalid back-off");
        }
    }

    /** The wait before the next try, after {@code attempts} failed ones. */
    public Duration delayAfter(int attempts) {
        int exponent = Math.min(Math.max(attempts - 1, 0), 20);
        Duration delay = base.multipliedBy(1L << exponent);
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
