package io.latchkey.adapters.persistence;

import io.latchkey.domain.model.abuse.FailureCount;
import io.latchkey.domain.model.abuse.LockoutPolicy;
import io.latchkey.domain.model.abuse.LockoutSubject;
import io.latchkey.domain.model.abuse.RecordedAttempt;
import io.latchkey.domain.model.token.Sha256;
import io.latchkey.domain.model.user.Email;
import io.latchkey.domain.port.LoginFailures;
import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Failure counts in {@code login_failures}, one row per address (a SHA-256 of its key) and per (address, known
 * device) (a SHA-256 of the key and the device id), whether or not an account has the address; {@code owner_hash}
 * ties a device's row to its address, so a reset clears them all. PostgreSQL, not Redis: the lockout must hold while Redis is down.
 */
@Component
class R2dbcLoginFailures implements LoginFailures {

    private final DatabaseClient db;

    R2dbcLoginFailures(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<FailureCount> find(LockoutSubject subject) {
        return db.sql("SELECT failures, locked_until FROM login_failures WHERE address_hash = :address")
                .bind("address", hash(subject))
                .map(row -> new FailureCount(row.get("failures", Integer.class),
                        row.get("locked_until", Instant.class)))
                .one()
                .onErrorMap(PostgresFailures::translate);
    }

    @Override
    public Mono<RecordedAttempt> recordAttempt(LockoutSubject subject, Instant now, LockoutPolicy policy) {
        // One statement: the row lock of ON CONFLICT serialises concurrent attempts, each sees the count and lock
        // the previous one left, and the WHERE refuses (returning no row) while a lock holds.
        return db.sql("""
                        INSERT INTO login_failures AS f (address_hash, owner_hash, failures, last_failure_at, locked_until)
                        VALUES (:address, :owner, 1, :now, CASE WHEN 1 >= :threshold
                                THEN :now + LEAST(:base_ms, :max_ms) * INTERVAL '1 millisecond' END)
                        ON CONFLICT (address_hash) DO UPDATE
                           SET failures = CASE WHEN f.last_failure_at < :forgotten THEN 1 ELSE f.failures + 1 END,
                               locked_until = CASE
                                   WHEN (CASE WHEN f.last_failure_at < :forgotten THEN 1 ELSE f.failures + 1 END)
                                        >= :threshold
                                   THEN :now + LEAST(:base_ms * POWER(2, LEAST((CASE WHEN f.last_failure_at < :forgotten
                                            THEN 1 ELSE f.failures + 1 END) - :threshold, 30)), :max_ms)
                                        * INTERVAL '1 millisecond'
                                   END,
                               last_failure_at = :now
                         WHERE f.locked_until IS NULL OR f.locked_until <= :now
                        RETURNING failures, locked_until
                        """)
                .bind("address", hash(subject))
                .bind("owner", Sha256.hex(subject.address().key()))
                .bind("now", now)
                .bind("forgotten", now.minus(policy.forgetAfter()))
                .bind("threshold", policy.threshold())
                .bind("base_ms", policy.base().toMillis())
                .bind("max_ms", policy.max().toMillis())
                .map(row -> RecordedAttempt.admittedLocking(row.get("locked_until", Instant.class)))
                .one()
                .switchIfEmpty(Mono.defer(() -> find(subject)
                        .map(count -> RecordedAttempt.refusedUntil(
                                count.lockedUntil() == null ? now : count.lockedUntil()))
                        // Refused, then cleared by a success before it could be read: try again.
                        .switchIfEmpty(Mono.defer(() -> recordAttempt(subject, now, policy)))))
                .onErrorMap(PostgresFailures::translate);
    }

    @Override
    public Mono<Void> clear(LockoutSubject subject) {
        return db.sql("DELETE FROM login_failures WHERE address_hash = :address")
                .bind("address", hash(subject))
                .fetch().rowsUpdated()
                .then()
                .onErrorMap(PostgresFailures::translate);
    }

    @Override
    public Mono<Void> clearAll(Email address) {
        return db.sql("DELETE FROM login_failures WHERE owner_hash = :owner")
                .bind("owner", Sha256.hex(address.key()))
                .fetch().rowsUpdated()
                .then()
                .onErrorMap(PostgresFailures::translate);
    }

    @Override
    public Mono<Long> deleteStale(Instant cutoff, Instant now, int limit) {
        return db.sql("""
                        DELETE FROM login_failures WHERE address_hash IN (
                            SELECT address_hash FROM login_failures
                             WHERE last_failure_at < :cutoff AND (locked_until IS NULL OR locked_until <= :now)
                             LIMIT :limit FOR UPDATE SKIP LOCKED)
                        """)
                .bind("cutoff", cutoff)
                .bind("now", now)
                .bind("limit", limit)
                .fetch().rowsUpdated()
                .onErrorMap(PostgresFailures::translate);
    }

    private static String hash(LockoutSubject subject) {
        String key = subject.address().key();
        return Sha256.hex(subject.knownDevice().map(device -> key + '\u0000' + device).orElse(key));
    }
}
