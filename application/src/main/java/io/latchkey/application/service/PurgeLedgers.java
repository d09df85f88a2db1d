package io.latchkey.application.service;

import io.latchkey.domain.port.EventLedger;
import java.util.Objects;

/**
 * The two records of which auth events have had their purge applied: {@code shared}, one for the whole cluster (the
 * shared cache's consumer group), and {@code local}, this instance's (its own consumer group). The instance that
 * revokes records its own purge in both, so the events it caused do not purge it again.
 */
public record PurgeLedgers(EventLedger shared, EventLedger local) {

    public PurgeLedgers {
        Objects.requireNonNull(shared, "shared");
        Objects.requireNonNull(local, "local");
    }
}
