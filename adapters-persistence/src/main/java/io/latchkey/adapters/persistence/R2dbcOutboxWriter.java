package io.latchkey.adapters.persistence;

import io.latchkey.domain.event.AuthEvent;
import io.latchkey.domain.event.AuthEventBody;
import io.latchkey.domain.port.IdGenerator;
import io.latchkey.domain.port.OutboxWriter;
import io.r2dbc.postgresql.codec.Json;
import org.springframework.stereotype.Component;
import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends the event to the outbox through the caller's connection, so it commits or rolls back with the
 * change it describes. The payload is the v1 wire body the relay publishes verbatim. The audit entry of the event
 * is written by the same statement, so every event type is audited exactly when it is published, in one round trip.
 */
@Component
class R2dbcOutboxWriter implements OutboxWriter {

    private final JsonMapper json;
    private final OutboxCommitSignal signal;
    private final R2dbcAuditRepository audit;
    private final IdGenerator ids;
    private final TraceParents traces;

    R2dbcOutboxWriter(JsonMapper json, OutboxCommitSignal signal, R2dbcAuditRepository audit,
            IdGenerator ids, TraceParents traces) {
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
                .flatMap(row -> audit.append(AuditFacts.of(event, ids.newId()), """
                                INSERT INTO outbox (id, aggregate_id, event_type, occurred_at, payload, trace_parent)
                                VALUES (:event_id, :event_aggregate, :event_type, :event_occurred, :event_payload, :event_trace)
                                """,
                        spec -> Binds.nullable(spec
                                .bind("event_id", event.eventId())
                                .bind("event_aggregate", event.userId().value())
                                .bind("event_type", AuthEventBody.typeOf(event))
                                .bind("event_occurred", event.occurredAt())
                                .bind("event_payload", Json.of(row.getT1())), "event_trace", row.getT2().orElse(null),
                                String.class)))
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
