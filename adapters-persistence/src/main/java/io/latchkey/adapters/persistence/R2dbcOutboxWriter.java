package io.latchkey.adapters.persistence;

import io.latchkey.domain.event.AuthEvent;
import io.latchkey.domain.event.AuthEventBody;
import io.latchkey.domain.port.IdGenerator;
import io.latchkey.domain.port.OutboxWriter;
import io.r2dbc.postgresql.codec.Json;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Component;
import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends the event to the outbox through the caller's connection, so it commits or rolls back with the
 * change it describes. The payload is the v1 wire body the relay publishes verbatim. The audit entry of the event
 * is written by the same statement, so every event type is audited exactly when it is published, in one round trip;
 * a change may join that statement too ({@link #writeAfter}).
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
        return writeAfter(event, "", UnaryOperator.identity(), null).then();
    }

    /**
     * Writes the event (its outbox row and audit entry) in the same statement as {@code ctes}, data-modifying common
     * table expressions run first and bound by {@code bindCtes}; with {@code onlyAfter} (the name of one of them) only
     * if that one returned a row: the change and its event are then all or nothing within the statement. Emits how
     * many events were written (0 or 1).
     */
    Mono<Long> writeAfter(AuthEvent event, String ctes, UnaryOperator<GenericExecuteSpec> bindCtes,
            @Nullable String onlyAfter) {
        return Mono.fromCallable(() -> json.writeValueAsString(AuthEventBody.write(event)))
                .zipWith(traces.current())
                .flatMap(row -> audit.append(AuditFacts.of(event, ids.newId()), (ctes.isEmpty() ? "" : ctes + ",\n") + """
                                event AS (
                                    INSERT INTO outbox (id, aggregate_id, event_type, occurred_at, payload, trace_parent)
                                    SELECT :event_id, :event_aggregate, :event_type, :event_occurred, :event_payload,
                                           :event_trace
                                    """ + (onlyAfter == null ? "" : "FROM " + onlyAfter + "\n") + """
                                    RETURNING id
                                )""",
                        spec -> Binds.nullable(bindCtes.apply(spec)
                                .bind("event_id", event.eventId())
                                .bind("event_aggregate", event.userId().value())
                                .bind("event_type", AuthEventBody.typeOf(event))
                                .bind("event_occurred", event.occurredAt())
                                .bind("event_payload", Json.of(row.getT1())), "event_trace", row.getT2().orElse(null),
                                String.class), "event"))
                .flatMap(written -> written > 0 ? wakeRelayAfterCommit().thenReturn(written) : Mono.just(written))
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
