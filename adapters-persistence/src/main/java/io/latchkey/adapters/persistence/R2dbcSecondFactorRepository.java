package io.latchkey.adapters.persistence;

import io.latchkey.domain.model.mfa.SealedSecret;
import io.latchkey.domain.model.mfa.TotpFactor;
import io.latchkey.domain.model.user.UserId;
import io.latchkey.domain.port.SecondFactorRepository;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** TOTP factors in {@code totp_factors} and recovery-code hashes in {@code recovery_codes} (V7). */
@Component
class R2dbcSecondFactorRepository implements SecondFactorRepository {

    private final DatabaseClient db;

    R2dbcSecondFactorRepository(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<TotpFactor> findTotp(UserId userId) {
        return db.sql("SELECT key_id, sealed_secret, created_at, confirmed_at, last_used_step FROM totp_factors "
                        + "WHERE user_id = :user")
                .bind("user", userId.value())
                .map(row -> new TotpFactor(userId,
                        new SealedSecret(row.get("key_id", String.class), bytes(row.get("sealed_secret", ByteBuffer.class))),
                        row.get("created_at", Instant.class), row.get("confirmed_at", Instant.class),
                        row.get("last_used_step", Long.class)))
                .one()
                .onErrorMap(PostgresFailures::translate);
    }

    @Override
    public Mono<Boolean> savePendingTotp(TotpFactor pending) {
        // Replaces a pending factor, never a confirmed one (the WHERE of the upsert).
        return db.sql("""
                        INSERT INTO totp_factors (user_id, key_id, sealed_secret, created_at)
                        VALUES (:user, :key, :secret, :created)
                        ON CONFLICT (user_id) DO UPDATE
                           SET key_id = EXCLUDED.key_id, sealed_secret = EXCLUDED.sealed_secret,
                               created_at = EXCLUDED.created_at, last_used_step = -1
                         WHERE totp_factors.confirmed_at IS NULL
                        """)
                .bind("user", pending.userId().value())
                .bind("key", pending.secret().keyId())
                .bind("secret", ByteBuffer.wrap(pending.secret().sealed()))
                .bind("created", pending.createdAt())
                .fetch().rowsUpdated()
                .map(rows -> rows == 1)
                .onErrorMap(PostgresFailures::translate);
    }

    @Override
    public Mono<Boolean> confirmTotp(UserId userId, long step, Instant now) {
        return db.sql("UPDATE totp_factors SET confirmed_at = :now, last_used_step = :step "
                        + "WHERE user_id = :user AND confirmed_at IS NULL")
                .bind("user", userId.value())
                .bind("now", now)
                .bind("step", step)
                .fetch().rowsUpdated()
                .map(rows -> rows == 1)
                .onErrorMap(PostgresFailures::translate);
    }

    @Override
    public Mono<Boolean> useTotpStep(UserId userId, long step) {
        return db.sql("UPDATE totp_factors SET last_used_step = :step "
                        + "WHERE user_id = :user AND confirmed_at IS NOT NULL AND last_used_step < :step")
                .bind("user", userId.value())
                .bind("step", step)
                .fetch().rowsUpdated()
                .map(rows -> rows == 1)
                .onErrorMap(PostgresFailures::translate);
    }

    @Override
    public Mono<Boolean> deleteTotp(UserId userId) {
        return db.sql("DELETE FROM totp_factors WHERE user_id = :user")
                .bind("user", userId.value())
                .fetch().rowsUpdated()
                .map(rows -> rows > 0)
                .onErrorMap(PostgresFailures::translate);
    }

    @Override
    public Mono<Void> replaceRecoveryCodes(UserId userId, List<String> codeHashes, Instant now) {
        // Locks the user's factor row first, so two replacements in their own transactions run one after the other
        // and the later DELETE sees (and removes) the earlier set instead of both sets surviving.
        Mono<Long> lock = db.sql("SELECT user_id FROM totp_factors WHERE user_id = :user FOR UPDATE")
                .bind("user", userId.value()).fetch().all().count();
        Mono<Long> clear = db.sql("DELETE FROM recovery_codes WHERE user_id = :user")
                .bind("user", userId.value()).fetch().rowsUpdated();
        Flux<Long> insert = Flux.fromIterable(codeHashes).concatMap(hash -> db.sql(
                        "INSERT INTO recovery_codes (user_id, code_hash, created_at) VALUES (:user, :hash, :now)")
                .bind("user", userId.value())
                .bind("hash", hash)
                .bind("now", now)
                .fetch().rowsUpdated());
        return lock.then(clear).thenMany(insert).then().onErrorMap(PostgresFailures::translate);
    }

    @Override
    public Mono<Boolean> useRecoveryCode(UserId userId, String codeHash, Instant now) {
        return db.sql("UPDATE recovery_codes SET used_at = :now "
                        + "WHERE user_id = :user AND code_hash = :hash AND used_at IS NULL")
                .bind("user", userId.value())
                .bind("hash", codeHash)
                .bind("now", now)
                .fetch().rowsUpdated()
                .map(rows -> rows == 1)
                .onErrorMap(PostgresFailures::translate);
    }

    @Override
    public Mono<Integer> remainingRecoveryCodes(UserId userId) {
        return db.sql("SELECT count(*) AS n FROM recovery_codes WHERE user_id = :user AND used_at IS NULL")
                .bind("user", userId.value())
                .map(row -> row.get("n", Long.class).intValue())
                .one()
                .onErrorMap(PostgresFailures::translate);
    }

    @Override
    public Mono<Boolean> deleteAll(UserId userId) {
        return db.sql("""
                        WITH t AS (DELETE FROM totp_factors WHERE user_id = :user RETURNING 1),
                             r AS (DELETE FROM recovery_codes WHERE user_id = :user RETURNING 1)
                        SELECT (SELECT count(*) FROM t) + (SELECT count(*) FROM r) AS n
                        """)
                .bind("user", userId.value())
                .map(row -> row.get("n", Long.class) > 0)
                .one()
                .onErrorMap(PostgresFailures::translate);
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] out = new byte[buffer.remaining()];
        buffer.get(out);
        return out;
    }
}
