package io.latchkey.application.usecase;

import java.time.Duration;
import java.util.Objects;

/** A heartbeat is withheld while the oldest unpublished event has waited longer than {@code maxBacklogAge}. */
public record PublishRelayHeartbeatCommand(Duration maxBacklogAge) {

    public PublishRelayHeartbeatCommand {
        Objects.requireNonNull(maxBacklogAge, "maxBacklogAge");
        if (maxBacklogAge.isNegative() || maxBacklogAge.isZero()) {
            throw new IllegalArgumentException("maxBacklogAge must be positive");
        }
    }
}
