package io.latchkey.domain.model.outbox;

import java.time.Duration;
import java.util.Objects;

/** How many events wait to be relayed, and how long the oldest has waited. */
public record OutboxBacklog(long pending, Duration oldestAge) {

    public static final OutboxBacklog EMPTY = new OutboxBacklog(0, Duration.ZERO);

    public OutboxBacklog {
        Objects.requireNonNull(oldestAge, "oldestAge");
    }
}
