package io.latchkey.domain.testfixtures;

import io.latchkey.domain.model.outbox.OutboxBacklog;
import io.latchkey.domain.model.outbox.OutboxMessage;
import io.latchkey.domain.port.OutboxRepository;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The outbox as a map; claiming does not lock (locking is proven against PostgreSQL). */
public final class InMemoryOutbox implements OutboxRepository {

    public record Row(OutboxMessage message, Instant nextAttemptAt, Instant publishedAt) {
    }

    private final Map<UUID, Row> rows = new LinkedHashMap<>();
    private final InstantSource clock;

    /** {@code clock} stands for the store's own clock, which ages the backlog. */
    public InMemoryOutbox(InstantSource clock) {
        this.clock = clock;
    }

    public synchronized void add(OutboxMessage message) {
        rows.put(message.eventId(), new Row(message, message.occurredAt(), null));
    }

    public synchronized Row row(UUID eventId) {
        return rows.get(eventId);
    }

    @Override
    public synchronized Flux<OutboxMessage> claimDue(int limit, Instant now) {
        List<OutboxMessage> due = rows.values().stream()
                .filter(r -> r.publishedAt() == null && !r.nextAttemptAt().isAfter(now))
                .sorted(Comparator.comparing(r -> r.message().occurredAt()))
                .limit(limit).map(Row::message).toList();
        return Flux.fromIterable(due);
    }

    @Override
    public synchronized Mono<Void> markPublished(Collection<UUID> eventIds, Instant now) {
        eventIds.forEach(id -> rows.computeIfPresent(id, (k, r) -> new Row(r.message(), r.nextAttemptAt(), now)));
        return Mono.empty();
    }

    @Override
    public synchronized Mono<Void> markFailed(UUID eventId, int attempts, Instant nextAttemptAt) {
        rows.computeIfPresent(eventId, (k, r) -> new Row(new OutboxMessage(r.message().eventId(), r.message().userId(),
                r.message().type(), r.message().occurredAt(), r.message().payload(), attempts, r.message().traceParent()),
                nextAttemptAt, null));
        return Mono.empty();
    }

    @Override
    public synchronized Mono<Long> deletePublishedBefore(Instant cutoff, int limit) {
        long before = rows.size();
        rows.values().removeIf(r -> r.publishedAt() != null && r.publishedAt().isBefore(cutoff));
        return Mono.just(before - rows.size());
    }

    @Override
    public Mono<OutboxBacklog> backlog() {
        return Mono.fromSupplier(() -> backlogAt(clock.instant()));
    }

    private synchronized OutboxBacklog backlogAt(Instant now) {
        List<Row> pending = rows.values().stream().filter(r -> r.publishedAt() == null).toList();
        Duration oldest = pending.stream().map(r -> Duration.between(r.message().occurredAt(), now))
                .max(Comparator.naturalOrder()).orElse(Duration.ZERO);
        return new OutboxBacklog(pending.size(), oldest);
    }
}
