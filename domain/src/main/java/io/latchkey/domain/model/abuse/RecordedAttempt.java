package io.latchkey.domain.model.abuse;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A login attempt counted before its password is checked: {@code admitted} when it may go on to the check;
 * otherwise the subject was already locked, until {@code lockedUntil}, and nothing was counted. An admitted attempt
 * with a {@code lockedUntil} is the one whose count reached the threshold: it locked the subject, unless its password
 * turns out right.
 */
public record RecordedAttempt(boolean admitted, @Nullable Instant lockedUntil) {

    public static RecordedAttempt admittedAttempt() {
        return new RecordedAttempt(true, null);
    }

    /** Admitted; {@code lockedUntil} when this attempt's failure locks the subject. */
    public static RecordedAttempt admittedLocking(@Nullable Instant lockedUntil) {
        return new RecordedAttempt(true, lockedUntil);
    }

    public static RecordedAttempt refusedUntil(Instant lockedUntil) {
        return new RecordedAttempt(false, lockedUntil);
    }
}
