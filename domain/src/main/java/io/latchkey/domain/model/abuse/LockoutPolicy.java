package io.latchkey.domain.model.abuse;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Growing lockout after repeated wrong passwords: from the {@code threshold}-th consecutive failure on, each
 * failure locks the account for {@code base} doubled per failure beyond the threshold, up to {@code max}.
 * A successful login or a password reset clears the count; a count without failures for {@code max} is forgotten.
 */
public record LockoutPolicy(int threshold, Duration base, Duration max) {

    public LockoutPolicy {
        if (threshold < 1) {
            throw new IllegalArgumentException("threshold must be positive");
        }
        if (base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
            throw new IllegalArgumentException("need 0 < base <= max");
        }
    }

    /** How long a count is kept without a new failure. */
    public Duration forgetAfter() {
        return max;
    }

    /** Until when an account with {@code failures} consecutive failures is locked, counted from {@code now}. */
    public Optional<Instant> lockedUntil(int failures, Instant now) {
        if (failures < threshold) {
            return Optional.empty();
        }
        int doublings = Math.min(failures - threshold, 30);
        Duration lock = base.multipliedBy(1L << doublings);
        return Optional.of(now.plus(lock.compareTo(max) > 0 ? max : lock));
    }
}
