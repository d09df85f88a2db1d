package io.latchkey.domain.testfixtures;

import io.latchkey.domain.port.EventLedger;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;

/** An event ledger in a set. */
public final class InMemoryEventLedger implements EventLedger {

    private final Set<UUID> recorded = ConcurrentHashMap.newKeySet();

    @Override
    public Mono<Boolean> isRecorded(UUID eventId) {
        return Mono.fromCallable(() -> recorded.contains(eventId));
    }

    @Override
    public Mono<Boolean> record(UUID eventId) {
        return Mono.fromCallable(() -> recorded.add(eventId));
    }
}
