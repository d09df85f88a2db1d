package io.latchkey.adapters.persistence;

import io.latchkey.domain.event.AuthEvent;
import io.latchkey.domain.event.AuthEventBody;
import io.latchkey.domain.port.IdGenerator;
import io.latchkey.domain.port.OutboxWriter;
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
class R2dbcOutboxWriter implements OutboxWriter {

    private final DatabaseClient db;
    private final JsonMapper json;
    private final OutboxCommitSignal signal;
    private final R2dbcAuditRepository audit;
    private final IdGenerator ids;
    private final TraceParents traces;

    R2dbcOutboxWriter(DatabaseClient db, JsonMapper json, OutboxCommitSignal signal, R2dbcAuditRepository audit,
            IdGenerator ids, TraceParents traces) {
        this.db = db;
        this.json = json;
        this.signal = signal;
        this.audit = audit;
        this.ids = ids;
        this.traces = traces;
    }

    @Override
    public Mono<Void> write(AuthEvent event) {
        return Mono.fromCallable(() -> json.writeValueAsString(AuthEventBody.write(event)))
                .zipWith(traces.current())
                .flatMap(row -> Binds.nullable(db.sql("""
                                INSERT INTO outbox (id, aggregate_id, event_type, occurred_at, payload, trace_parent)
                                VALUES (:id, :aggregate, :type, :occurred, :payload, :trace)
                                """)
                        .bind("id", event.eventId())
                        .bind("aggregate", event.userId().value())
                        .bind("type", AuthEventBody.typeOf(event))
                        .bind("occurred", event.occurredAt())
                        .bind("payload", Json.of(row.getT1())), "trace", row.getT2().orElse(null), String.class)
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
