package io.latchkey.adapters.persistence;

import io.latchkey.domain.model.outbox.OutboxBacklog;
import io.latchkey.domain.model.outbox.OutboxMessage;
import io.latchkey.domain.model.user.UserId;
import io.latchkey.domain.port.OutboxRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The relay's view of the {@code outbox} table. */
@Component
class R2dbcOutboxRepository implements OutboxRepository {

    private final DatabaseClient db;

    R2dbcOutboxRepository(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Flux<OutboxMessage> claimDue(int limit, Instant now) {
        // SKIP LOCKED: relays on other instances take the rows this one does not hold, never the same ones.
        return db.sql("""
                        SELECT id, aggregate_id, event_type, occurred_at, payload::text AS body, attempts, trace_parent
                          FROM outbox
                         WHERE published_at IS NULL AND next_attempt_at <= :now
                         ORDER BY next_attempt_at, created_at
                         LIMIT :limit
                           FOR UPDATE SKIP LOCKED
                        """)
                .bind("now", now)
                .bind("limit", limit)
                .map(row -> new OutboxMessage(row.get("id", UUID.class), new UserId(row.get("aggregate_id", UUID.class)),
                        row.get("event_type", String.class), row.get("occurred_at", Instant.class),
                        row.get("body", String.class), row.get("attempts", Integer.class),
                        row.get("trace_parent", String.class)))
                .all()
                .onErrorMap(PostgresFailures::translate);
    }

    @Override
    public Mono<Void> markPublished(Collection<UUID> eventIds, Instant now) {
        return db.sql("UPDATE outbox SET published_at = :now WHERE id = ANY(:ids)")
                .bind("now", now)
                .bind("ids", eventIds.toArray(UUID[]::new))
                .fetch().rowsUpdated()
                .then()
                .onErrorMap(PostgresFailures::translate);
    }

    @Override
    public Mono<Void> markFailed(UUID eventId, int attempts, Instant nextAttemptAt) {
        return db.sql("UPDATE outbox SET attempts = :attempts, next_attempt_at = :next WHERE id = :id")
                .bind("attempts", attempts)
                .bind("next", nextAttemptAt)
                .bind("id", eventId)
                .fetch().rowsUpdated()
                .then()
                .onErrorMap(PostgresFailures::translate);
    }

    @Override
    public Mono<Long> deletePublishedBefore(Instant cutoff, int limit) {
        return db.sql("""
                        DELETE FROM outbox WHERE id IN (
                            SELECT id FROM outbox WHERE published_at < :cutoff LIMIT :limit FOR UPDATE SKIP LOCKED)
                        """)
                .bind("cutoff", cutoff)
                .bind("limit", limit)
                .fetch().rowsUpdated()
                .onErrorMap(PostgresFailures::translate);
    }

    @Override
    public Mono<OutboxBacklog> backlog() {
        // created_at is stamped by PostgreSQL (DEFAULT now()), so the age is taken on PostgreSQL's clock too: an
        // instance whose clock differs from the database's would otherwise report a skewed (even negative) age.
        return db.sql("""
                        SELECT count(*) AS pending,
                               coalesce(floor(extract(epoch FROM clock_timestamp() - min(created_at)) * 1000), 0)::bigint
                                   AS oldest_age_ms
                          FROM outbox WHERE published_at IS NULL
                        """)
                .map(row -> {
                    Long pending = row.get("pending", Long.class);
                    Long ageMillis = row.get("oldest_age_ms", Long.class);
                    return new OutboxBacklog(pending == null ? 0 : pending,
                            Duration.ofMillis(ageMillis == null ? 0 : Math.max(0, ageMillis)));
                })
                .one()
                .defaultIfEmpty(OutboxBacklog.EMPTY)
                .onErrorMap(PostgresFailures::translate);
    }
}
