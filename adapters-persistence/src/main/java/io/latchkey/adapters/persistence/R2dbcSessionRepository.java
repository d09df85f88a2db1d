package io.latchkey.adapters.persistence;

import io.latchkey.domain.event.TokenRotated;
import io.latchkey.domain.model.auth.AuthSnapshot;
import io.latchkey.domain.model.session.AuthMethod;
import io.latchkey.domain.model.session.ClientInfo;
import io.latchkey.domain.model.session.PresentedRefreshToken;
import io.latchkey.domain.model.session.RecentRevocation;
import io.latchkey.domain.model.session.RevocationReason;
import io.latchkey.domain.model.session.Session;
import io.latchkey.domain.model.session.SessionAuthentication;
import io.latchkey.domain.model.session.SessionId;
import io.latchkey.domain.model.session.SessionStatus;
import io.latchkey.domain.model.token.RefreshTokenHash;
import io.latchkey.domain.model.user.UserId;
import io.latchkey.domain.port.SessionRepository;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Sessions and their refresh-token hashes in {@code sessions} and {@code refresh_tokens}. */
@Component
class R2dbcSessionRepository implements SessionRepository {

    static final String COLUMNS = "s.id, s.user_id, s.status, s.generation, s.created_at, s.last_used_at, s.rotated_at, "
            + "s.idle_expires_at, s.absolute_expires_at, s.user_agent, s.ip_address, s.revocation_reason, "
            + "s.auth_methods, s.auth_time, s.identity_provider";
    private static final String OWNER = "owner_";

    private final DatabaseClient db;
    private final R2dbcOutboxWriter outbox;
    private final InstantSource clock;

    R2dbcSessionRepository(DatabaseClient db, R2dbcOutboxWriter outbox, InstantSource clock) {
        this.db = db;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public Mono<Session> insert(Session session, RefreshTokenHash firstToken) {
        SessionAuthentication auth = session.authentication();
        var insertSession = Binds.nullable(Binds.nullable(Binds.nullable(db.sql("""
                        INSERT INTO sessions (id, user_id, status, generation, created_at, last_used_at,
                                              idle_expires_at, absolute_expires_at, user_agent, ip_address,
                                              auth_methods, auth_time, identity_provider)
                        VALUES (:id, :user, :status, :generation, :created, :used, :idle, :absolute, :agent, :ip,
                                :methods, :authTime, :idp)
                        """)
                        .bind("methods", methodValues(auth))
                        .bind("authTime", auth.authTime())
                        .bind("id", session.id().value())
                        .bind("user", session.userId().value())
                        .bind("status", session.status().name())
                        .bind("generation", session.generation())
                        .bind("created", session.createdAt())
                        .bind("used", session.lastUsedAt())
                        .bind("idle", session.idleExpiresAt())
                        .bind("absolute", session.absoluteExpiresAt()), "agent", session.client().userAgent(), String.class),
                "ip", session.client().ipAddress(), String.class),
                "idp", auth.identityProvider(), String.class);
        return insertSession.fetch().rowsUpdated()
                .then(insertToken(session.id(), session.generation(), firstToken, session.createdAt()))
                .thenReturn(session)
                .onErrorMap(PostgresFailures::translate);
    }

    private Mono<Long> insertToken(SessionId sessionId, long generation, RefreshTokenHash hash, Instant issuedAt) {
        return db.sql("INSERT INTO refresh_tokens (token_hash, session_id, generation, issued_at) VALUES (:hash, :sid, :gen, :at)")
                .bind("hash", hash.hex())
                .bind("sid", sessionId.value())
                .bind("gen", generation)
                .bind("at", issuedAt)
                .fetch().rowsUpdated();
    }

    @Override
    public Mono<PresentedRefreshToken> findByRefreshToken(RefreshTokenHash hash) {
        // The owner in the same read: the refresh issues its access token from it without a second query.
        return db.sql("SELECT " + COLUMNS + ", t.generation AS token_generation, " + R2dbcUserRepository.columns(OWNER)
                        + " FROM refresh_tokens t JOIN sessions s ON s.id = t.session_id JOIN users u ON u.id = s.user_id"
                        + " WHERE t.token_hash = :hash")
                .bind("hash", hash.hex())
                .map(row -> new PresentedRefreshToken(toSession(row), row.get("token_generation", Long.class),
                        R2dbcUserRepository.readUser(row, OWNER)))
                .one()
                .onErrorMap(PostgresFailures::translate);
    }

    @Override
    public Mono<Session> findById(SessionId id) {
        return db.sql("SELECT " + COLUMNS + " FROM sessions s WHERE s.id = :id")
                .bind("id", id.value())
                .map(R2dbcSessionRepository::toSession)
                .one()
                .onErrorMap(PostgresFailures::translate);
    }

    @Override
    public Mono<Boolean> rotate(Session next, long expectedGeneration, RefreshTokenHash newToken, TokenRotated rotation) {
        // One statement: the conditional UPDATE is the compare-and-set, and the token, the outbox row and the audit
        // entry are written only after it moved a row.
        return outbox.writeAfter(rotation, """
                        moved AS (
                            UPDATE sessions
                               SET generation = :next, last_used_at = :now, rotated_at = :now, idle_expires_at = :idle
                             WHERE id = :sid AND generation = :expected AND status = 'ACTIVE'
                            RETURNING id
                        ),
                        token AS (
                            INSERT INTO refresh_tokens (token_hash, session_id, generation, issued_at)
                            SELECT :hash, id, :next, :now FROM moved
                            RETURNING session_id
                        )""", spec -> spec
                        .bind("sid", next.id().value())
                        .bind("expected", expectedGeneration)
                        .bind("next", next.generation())
                        .bind("now", next.lastUsedAt())
                        .bind("idle", next.idleExpiresAt())
                        .bind("hash", newToken.hex()), "token")
                .map(written -> written == 1);
    }

    @Override
    public Mono<Boolean> reauthenticate(SessionId id, SessionAuthentication authentication) {
        return db.sql("""
                        UPDATE sessions SET auth_methods = :methods, auth_time = :authTime
                         WHERE id = :id AND status = 'ACTIVE'
                        """)
                .bind("id", id.value())
                .bind("methods", methodValues(authentication))
                .bind("authTime", authentication.authTime())
                .fetch().rowsUpdated()
                .map(rows -> rows == 1)
                .onErrorMap(PostgresFailures::translate);
    }

    private static String[] methodValues(SessionAuthentication authentication) {
        return authentication.amr().toArray(String[]::new);
    }

    @Override
    public Mono<Boolean> revoke(SessionId id, RevocationReason reason, Instant now) {
        return db.sql("""
                        UPDATE sessions SET status = 'REVOKED', revocation_reason = :reason, revoked_at = :now
                         WHERE id = :id AND status = 'ACTIVE'
                        """)
                .bind("id", id.value())
                .bind("reason", reason.name())
                .bind("now", now)
                .fetch().rowsUpdated()
                .map(rows -> rows == 1)
                .onErrorMap(PostgresFailures::translate);
    }

    @Override
    public Flux<RecentRevocation> revokedSince(Instant since) {
        // The partial index sessions_revoked_by_time (V2) serves it.
        return db.sql("SELECT id, revoked_at FROM sessions WHERE status = 'REVOKED' AND revoked_at > :since")
                .bind("since", since)
                .map(row -> new RecentRevocation(new SessionId(row.get("id", UUID.class)),
                        row.get("revoked_at", Instant.class)))
                .all()
                .onErrorMap(PostgresFailures::translate);
    }

    @Override
    public Mono<List<SessionId>> revokeAll(UserId userId, RevocationReason reason, Instant now) {
        return revokeActive(userId, null, reason, now);
    }

    @Override
    public Mono<List<SessionId>> revokeAllExcept(UserId userId, SessionId keep, RevocationReason reason, Instant now) {
        return revokeActive(userId, keep, reason, now);
    }

    private Mono<List<SessionId>> revokeActive(UserId userId, @Nullable SessionId keep, RevocationReason reason,
            Instant now) {
        return Binds.nullable(db.sql("""
                                UPDATE sessions SET status = 'REVOKED', revocation_reason = :reason, revoked_at = :now
                                 WHERE user_id = :user AND status = 'ACTIVE' AND (CAST(:keep AS uuid) IS NULL OR id <> :keep)
                                RETURNING id
                                """)
                        .bind("user", userId.value())
                        .bind("reason", reason.name())
                        .bind("now", now), "keep", keep == null ? null : keep.value(), UUID.class)
                .map(row -> new SessionId(row.get("id", UUID.class)))
                .all()
                .collectList()
                .onErrorMap(PostgresFailures::translate);
    }

    @Override
    public Flux<Session> findActive(UserId userId, Instant now) {
        return db.sql("SELECT " + COLUMNS + " FROM sessions s WHERE s.user_id = :user AND s.status = 'ACTIVE' "
                        + "AND s.idle_expires_at > :now AND s.absolute_expires_at > :now ORDER BY s.last_used_at DESC")
                .bind("user", userId.value())
                .bind("now", now)
                .map(R2dbcSessionRepository::toSession)
                .all()
                .onErrorMap(PostgresFailures::translate);
    }

    @Override
    public Mono<Long> deleteEnded(Instant cutoff, int limit) {
        // SKIP LOCKED: instances running this at the same moment take disjoint batches instead of waiting.
        return db.sql("""
                        DELETE FROM sessions WHERE id IN (
                            SELECT id FROM sessions
                             WHERE absolute_expires_at < :cutoff OR idle_expires_at < :cutoff
                                OR (status = 'REVOKED' AND revoked_at < :cutoff)
                             LIMIT :limit
                             FOR UPDATE SKIP LOCKED)
                        """)
                .bind("cutoff", cutoff)
                .bind("limit", limit)
                .fetch().rowsUpdated()
                .onErrorMap(PostgresFailures::translate);
    }

    @Override
    public Mono<AuthSnapshot> findActiveSnapshot(SessionId sessionId) {
        return db.sql("""
                        SELECT s.user_id, s.id, s.absolute_expires_at, u.roles, u.email_verified, u.auth_epoch
                        FROM sessions s JOIN users u ON u.id = s.user_id
                        WHERE s.id = :sid AND s.status = 'ACTIVE' AND u.status = 'ACTIVE'
                          AND s.absolute_expires_at > :now
                        """)
                .bind("sid", sessionId.value())
                .bind("now", clock.instant())
                .map(row -> {
                    String[] roles = row.get("roles", String[].class);
                    return new AuthSnapshot(
                            new UserId(row.get("user_id", UUID.class)),
                            new SessionId(row.get("id", UUID.class)),
                            roles == null ? Set.of() : Set.of(roles),
                            Boolean.TRUE.equals(row.get("email_verified", Boolean.class)),
                            row.get("auth_epoch", Long.class),
                            row.get("absolute_expires_at", Instant.class));
                })
                .one()
                .onErrorMap(PostgresFailures::translate);
    }

    static Session toSession(Readable row) {
        String reason = row.get("revocation_reason", String.class);
        return new Session(
                new SessionId(row.get("id", UUID.class)),
                new UserId(row.get("user_id", UUID.class)),
                SessionStatus.valueOf(row.get("status", String.class)),
                row.get("generation", Long.class),
                row.get("created_at", Instant.class),
                row.get("last_used_at", Instant.class),
                row.get("rotated_at", Instant.class),
                row.get("idle_expires_at", Instant.class),
                row.get("absolute_expires_at", Instant.class),
                new ClientInfo(row.get("user_agent", String.class), row.get("ip_address", String.class)),
                reason == null ? null : RevocationReason.valueOf(reason),
                toAuthentication(row));
    }

    private static SessionAuthentication toAuthentication(Readable row) {
        String[] stored = row.get("auth_methods", String[].class);
        // A value this release does not know (written by a newer one) is left out rather than failing the read.
        List<AuthMethod> methods = stored == null ? List.of(AuthMethod.PWD)
                : Arrays.stream(stored).map(AuthMethod::fromWire).flatMap(Optional::stream).toList();
        return new SessionAuthentication(Set.copyOf(methods.isEmpty() ? List.of(AuthMethod.PWD) : methods),
                row.get("auth_time", Instant.class), row.get("identity_provider", String.class));
    }
}
