package io.latchkey.application.usecase;

import java.time.Duration;
import java.util.Objects;

/** Entries older than {@code retention} go, {@code batchSize} per statement, at most {@code maxBatches} per run. */
public record PurgeAuditEventsCommand(Duration retention, int batchSize, int maxBatches) {

    public PurgeAuditEventsCommand {
        Objects.requireNonNull(retention, "retention");
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("retention must be positive");
        }
        if (batchSize < 1 || maxBatches < 1) {
            throw new IllegalArgumentException("batchSize and maxBatches must be positive");
        }
    }
}
