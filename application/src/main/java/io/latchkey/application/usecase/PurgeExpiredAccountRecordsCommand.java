package io.latchkey.application.usecase;

import java.time.Duration;
import java.util.Objects;

/** Batches of {@code batchSize}, at most {@code maxBatches} of each kind; failure counts idle for {@code failureRetention}. */
public record PurgeExpiredAccountRecordsCommand(int batchSize, int maxBatches, Duration failureRetention) {

    public PurgeExpiredAccountRecordsCommand {
        Objects.requireNonNull(failureRetention, "failureRetention");
        if (batchSize < 1 || maxBatches < 1) {
            throw new IllegalArgumentException("batchSize and maxBatches must be positive");
        }
    }
}
