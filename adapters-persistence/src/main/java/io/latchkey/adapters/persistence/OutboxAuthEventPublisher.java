package io.latchkey.adapters.persistence;

import io.latchkey.domain.event.AuthEvent;
import io.latchkey.domain.port.AuthEventPublisher;
import io.latchkey.domain.port.IdGenerator;
import io.r2dbc.postgresql.codec.Json;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends the event to the outbox through the caller's connection, so it commits or rolls back with the
 * change it describes. The payload is the v1 wire body the relay publishes verbatim. The audit entry of the event
 * is written with it, in the same transaction, so every event type is audited exactly when it is published.
 */
@Component
class OutboxAuthEventPublisher implements AuthEventPublisher {

    private final DatabaseClient db;
    private final JsonMapper json;
    private final OutboxCommitSignal signal;
    private final R2dbcAuditRepository audit;
    private final IdGenerator ids;

    OutboxAuthEventPublisher(DatabaseClient db, JsonMapper json, OutboxCommitSignal signal, R2dbcAuditRepository audit,
            IdGenerator ids) {
        this.db = db;
        this.json = json;
        this.signal = signal;
        this.audit = audit;
        this.ids = ids;
    }

    @Override
    public Mono<Void> publish(AuthEvent event) {
        return Mono.fromCallable(() -> json.writeValueAsString(EventPayloads.of(event)))
                .flatMap(payload -> db.sql("""
                                INSERT INTO outbox (id, aggregate_id, event_type, occurred_at, payload)
                                VALUES (:id, :aggregate, :type, :occurred, :payload)
                                """)
                        .bind("id", event.eventId())
                        .bind("aggregate", event.userId().value())
                        .bind("type", EventPayloads.CLOUD_EVENT_TYPE_PREFIX + event.type())
                        .bind("occurred", event.occurredAt())
                        .bind("payload", Json.of(payload))
                        .fetch().rowsUpdated())
                .then(Mono.defer(() -> audit.append(AuditFacts.of(event, ids.newId()))))
                .then(wakeRelayAfterCommit())
                .onErrorMap(PostgresFailures::translate);
    }

    private Mono<Void> wakeRelayAfterCommit() {
        return TransactionSynchronizationManager.forCurrentTransaction()
                .flatMap(transaction -> {
                    transaction.registerSynchronization(new TransactionSynchronization() {
                        @Override
                        public Mono<Void> afterCommit() {
                            return Mono.fromRunnable(signal::committed);
                        }
                    });
                    return Mono.<Void>empty();
                })
                .onErrorResume(NoTransactionException.class, e -> Mono.fromRunnable(signal::committed));
    }
}
