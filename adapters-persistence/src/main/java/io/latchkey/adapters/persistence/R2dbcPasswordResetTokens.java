package io.latchkey.adapters.persistence;

import io.latchkey.domain.model.reset.PasswordResetTokenHash;
import io.latchkey.domain.model.user.UserId;
import io.latchkey.domain.port.PasswordResetTokens;
import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Reset tokens in {@code password_reset_tokens}; consuming deletes the row, so a token works exactly once. */
@Component
class R2dbcPasswordResetTokens implements PasswordResetTokens {

    private record Consumed(UserId userId, Instant expiresAt) {
    }

    private final DatabaseClient db;

    R2dbcPasswordResetTokens(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Void> save(PasswordResetTokenHash hash, UserId userId, Instant expiresAt, Instant now) {
        return db.sql("""
                        INSERT INTO password_reset_tokens (token_hash, user_id, created_at, expires_at)
                        VALUES (:hash, :user, :now, :expires)
                        """)
                .bind("hash", hash.hex())
                .bind("user", userId.value())
                .bind("now", now)
                .bind("expires", expiresAt)
                .fetch().rowsUpdated()
                .then()
                .onErrorMap(PostgresFailures::translate);
    }

    @Override
    public Mono<Boolean> replaceFor(UserId userId, PasswordResetTokenHash hash, Instant expiresAt, Instant now) {
        // A per-user advisory lock, tried rather than awaited: it serialises reset-token writers without touching the
        // user row, so a relay holding it through its SMTP sends never stalls that user's logins (which share-lock the
        // row), and two relays never deadlock. The DELETE runs as its own statement after the lock, so (read
        // committed) it sees a token the previous holder committed.
        return db.sql("SELECT pg_try_advisory_xact_lock(hashtextextended(CAST(:user AS text), 7)) AS locked")
                .bind("user", userId.value())
                .map(row -> Boolean.TRUE.equals(row.get("locked", Boolean.class)))
                .one()
                .filter(Boolean::booleanValue)
                .flatMap(locked -> db.sql("""
                                WITH superseded AS (DELETE FROM password_reset_tokens WHERE user_id = :user)
                                INSERT INTO password_reset_tokens (token_hash, user_id, created_at, expires_at)
                                VALUES (:hash, :user, :now, :expires)
                                """)
                        .bind("hash", hash.hex())
                        .bind("user", userId.value())
                        .bind("now", now)
                        .bind("expires", expiresAt)
                        .fetch().rowsUpdated()
                        .thenReturn(true))
                .defaultIfEmpty(false)
                .onErrorMap(PostgresFailures::translate);
    }

    @Override
    public Mono<UserId> consume(PasswordResetTokenHash hash, Instant now) {
        // One DELETE … RETURNING: of two concurrent uses, exactly one gets the row.
        return db.sql("DELETE FROM password_reset_tokens WHERE token_hash = :hash RETURNING user_id, expires_at")
                .bind("hash", hash.hex())
                .map(row -> new Consumed(new UserId(row.get("user_id", UUID.class)), row.get("expires_at", Instant.class)))
                .one()
                .filter(consumed -> now.isBefore(consumed.expiresAt()))
                .map(Consumed::userId)
                .onErrorMap(PostgresFailures::translate);
    }

    @Override
    public Mono<Long> deleteExpired(Instant now, int limit) {
        return db.sql("""
                        DELETE FROM password_reset_tokens WHERE token_hash IN (
                            SELECT token_hash FROM password_reset_tokens WHERE expires_at <= :now
                             LIMIT :limit FOR UPDATE SKIP LOCKED)
                        """)
                .bind("now", now)
                .bind("limit", limit)
                .fetch().rowsUpdated()
                .onErrorMap(PostgresFailures::translate);
    }

    @Override
    public Mono<Void> deleteFor(UserId userId) {
        return db.sql("DELETE FROM password_reset_tokens WHERE user_id = :user")
                .bind("user", userId.value())
                .fetch().rowsUpdated()
                .then()
                .onErrorMap(PostgresFailures::translate);
    }
}
