package io.latchkey.adapters.persistence;

import io.latchkey.domain.model.audit.AuditCursor;
import io.latchkey.domain.model.audit.AuditEntry;
import io.latchkey.domain.model.audit.AuditFact;
import io.latchkey.domain.model.audit.AuditFilter;
import io.latchkey.domain.model.audit.RequestOrigin;
import io.latchkey.domain.model.session.SessionId;
import io.latchkey.domain.model.user.UserId;
import io.latchkey.domain.port.AuditRepository;
import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code audit_events}: inserted through the caller's connection (so inside its transaction), with the address,
 * user agent and acting administrator of the request being served, read from the Reactor context; read newest
 * first by keyset on (occurred_at, id), which the three indexes of V10 serve.
 */
@Component
class R2dbcAuditRepository implements AuditRepository {

    private static final TypeReference<Map<String, Object>> DETAIL = new TypeReference<>() { };

    private final DatabaseClient db;
    private final JsonMapper json;

    R2dbcAuditRepository(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    @Override
    public Mono<Void> append(AuditFact fact) {
        return append(fact, "", UnaryOperator.identity(), null).then();
    }

    /**
     * Appends the entry in the same statement as {@code ctes}, data-modifying common table expressions run first
     * (one round trip for all); {@code bindCtes} binds their parameters, whose names must not be this insert's. With
     * {@code onlyAfter} (the name of one of them) the entry is written once per row that one returned, so not at all
     * when it changed nothing. Emits how many entries were written.
     */
    Mono<Long> append(AuditFact fact, String ctes, UnaryOperator<GenericExecuteSpec> bindCtes,
            @Nullable String onlyAfter) {
        return Mono.deferContextual(context -> {
            RequestOrigin origin = context.getOrDefault(RequestOrigin.CONTEXT_KEY, null);
            UserId actor = fact.actorId() != null ? fact.actorId() : actingOnAnother(origin, fact.userId());
            SessionId session = fact.sessionId() != null ? fact.sessionId()
                    : origin != null && fact.userId() != null && fact.userId().equals(origin.callerId())
                            ? origin.callerSessionId() : null;
            String detail = json.writeValueAsString(fact.detail());
            GenericExecuteSpec spec = db.sql((ctes.isEmpty() ? "" : "WITH " + ctes + "\n") + """
                            INSERT INTO audit_events (id, occurred_at, type, user_id, actor_id, session_id, ip_address,
                                                      user_agent, detail)
                            SELECT :id, :occurred, :type, :user, :actor, :session, :ip, :agent, :detail
                            """ + (onlyAfter == null ? "" : "FROM " + onlyAfter))
                    .bind("id", fact.id())
                    .bind("occurred", fact.occurredAt())
                    .bind("type", fact.type())
                    .bind("detail", Json.of(detail));
            spec = bindCtes.apply(spec);
            spec = Binds.nullable(spec, "user", fact.userId() == null ? null : fact.userId().value(), UUID.class);
            spec = Binds.nullable(spec, "actor", actor == null ? null : actor.value(), UUID.class);
            spec = Binds.nullable(spec, "session", session == null ? null : session.value(), UUID.class);
            spec = Binds.nullable(spec, "ip", origin == null ? null : origin.ipAddress(), String.class);
            spec = Binds.nullable(spec, "agent", origin == null ? null : origin.userAgent(), String.class);
            return spec.fetch().rowsUpdated();
        }).onErrorMap(PostgresFailures::translate);
    }

    /** The signed-in caller when the fact is about another account: an administrator acting on it. */
    private static @Nullable UserId actingOnAnother(@Nullable RequestOrigin origin, @Nullable UserId subject) {
        if (origin == null || origin.callerId() == null || origin.callerId().equals(subject)) {
            return null;
        }
        return origin.callerId();
    }

    @Override
    public Flux<AuditEntry> find(AuditFilter filter, @Nullable AuditCursor after, int limit) {
        List<String> where = new ArrayList<>();
        Map<String, Object> binds = new LinkedHashMap<>();
        if (filter.userId() != null) {
            where.add("user_id = :user");
            binds.put("user", filter.userId().value());
        }
        if (filter.types().size() == 1) {
            where.add("type = :type");
            binds.put("type", filter.types().iterator().next());
        } else if (!filter.types().isEmpty()) {
            where.add("type = ANY(:types)");
            binds.put("types", filter.types().stream().sorted().toArray(String[]::new));
        }
        if (filter.from() != null) {
            where.add("occurred_at >= :from");
            binds.put("from", filter.from());
        }
        if (filter.to() != null) {
            where.add("occurred_at < :to");
            binds.put("to", filter.to());
        }
        if (after != null) {
            // A row comparison, which PostgreSQL turns into one index range on (occurred_at, id).
            where.add("(occurred_at, id) < (:after_at, :after_id)");
            binds.put("after_at", after.occurredAt());
            binds.put("after_id", after.id());
        }
        String sql = "SELECT id, occurred_at, type, user_id, actor_id, session_id, ip_address, user_agent, detail"
                + " FROM audit_events" + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY occurred_at DESC, id DESC LIMIT :limit";
        GenericExecuteSpec spec = db.sql(sql).bind("limit", limit);
        for (Map.Entry<String, Object> bind : binds.entrySet()) {
            spec = spec.bind(bind.getKey(), bind.getValue());
        }
        return spec.map(this::entry).all().onErrorMap(PostgresFailures::translate);
    }

    @Override
    public Mono<Long> deleteOlderThan(Instant cutoff, int limit) {
        return db.sql("""
                        DELETE FROM audit_events WHERE id IN (
                            SELECT id FROM audit_events WHERE occurred_at < :cutoff
                             ORDER BY occurred_at LIMIT :limit FOR UPDATE SKIP LOCKED)
                        """)
                .bind("cutoff", cutoff)
                .bind("limit", limit)
                .fetch().rowsUpdated()
                .onErrorMap(PostgresFailures::translate);
    }

    private AuditEntry entry(Readable row) {
        Json detail = row.get("detail", Json.class);
        return new AuditEntry(
                Objects.requireNonNull(row.get("id", UUID.class)),
                Objects.requireNonNull(row.get("occurred_at", Instant.class)),
                Objects.requireNonNull(row.get("type", String.class)),
                userId(row.get("user_id", UUID.class)),
                userId(row.get("actor_id", UUID.class)),
                sessionId(row.get("session_id", UUID.class)),
                row.get("ip_address", String.class),
                row.get("user_agent", String.class),
                detail == null ? Map.of() : withoutNulls(json.readValue(detail.asString(), DETAIL)));
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> detail) {
        Map<String, Object> present = new LinkedHashMap<>(detail);
        present.values().removeIf(Objects::isNull);
        return present;
    }

    private static @Nullable UserId userId(@Nullable UUID value) {
        return value == null ? null : new UserId(value);
    }

    private static @Nullable SessionId sessionId(@Nullable UUID value) {
        return value == null ? null : new SessionId(value);
    }
}
