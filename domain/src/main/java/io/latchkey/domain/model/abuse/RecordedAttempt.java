package io.latchkey.domain.model.abuse;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A login attempt counted before its password is checked: {@code admitted} when it may go on to the check;
 * otherwise the subject was already locked, until {@code lockedUntil}, and nothing was counted.
 */
public record RecordedAttempt(boolean admitted, @Nullable Instant lockedUntil) {

    public static RecordedAttempt admittedAttempt() {
        return new RecordedAttempt(true, null);
    }

    public static RecordedAttempt refusedUntil(Instant lockedUntil) {
        return new RecordedAttempt(false, lockedUntil);
    }
}
