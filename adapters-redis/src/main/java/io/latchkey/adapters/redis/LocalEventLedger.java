package io.latchkey.adapters.redis;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.latchkey.domain.port.EventLedger;
import java.time.Duration;
import java.util.UUID;
import reactor.core.publisher.Mono;

/** A per-instance ledger in memory, for the near-cache consumer: bounded, entries kept for a while. */
public final class LocalEventLedger implements EventLedger {

    private final Cache<UUID, Boolean> seen;

    public LocalEventLedger(long maxEntries, Duration retention) {
        this.seen = Caffeine.newBuilder().maximumSize(maxEntries).expireAfterWrite(retention).build();
    }

    @Override
    public Mono<Boolean> isRecorded(UUID eventId) {
        return Mono.just(seen.getIfPresent(eventId) != null);
    }

    @Override
    public Mono<Boolean> record(UUID eventId) {
        return Mono.just(seen.asMap().putIfAbsent(eventId, Boolean.TRUE) == null);
    }
}
