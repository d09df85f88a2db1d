package io.latchkey.domain.model.abuse;

import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** An address's consecutive wrong passwords, and the lock they led to, if any. */
public record FailureCount(int failures, @Nullable Instant lockedUntil) {

    /** Until when the address is locked, if it is locked at {@code now}. */
    public Optional<Instant> lockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil) ? Optional.of(lockedUntil) : Optional.empty();
    }
}
