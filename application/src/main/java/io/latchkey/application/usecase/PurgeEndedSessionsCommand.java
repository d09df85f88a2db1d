package io.latchkey.application.usecase;

import java.time.Duration;
import java.util.Objects;

/**
 * Sessions that ended (revoked or expired) more than {@code retention} ago are deleted, at most
 * {@code batchSize × maxBatches} per run.
 */
public record PurgeEndedSessionsCommand(Duration retention, int batchSize, int maxBatches) {

    public PurgeEndedSessionsCommand {
        Objects.requireNonNull(retention, "retention");
        if (retention.isNegative() || batchSize < 1 || maxBatches < 1) {
            throw new IllegalArgumentException("retention must not be negative; batchSize and maxBatches positive");
        }
    }
}
