package io.latchkey.application.usecase;

import java.time.Duration;
import java.util.Objects;

/** Rows published more than {@code retention} ago go, at most {@code limit} per run. */
public record PurgePublishedEventsCommand(Duration retention, int limit) {

    public PurgePublishedEventsCommand {
        Objects.requireNonNull(retention, "retention");
        if (retention.isNegative() || limit < 1) {
            throw new IllegalArgumentException("retention must not be negative and limit must be positive");
        }
    }
}
