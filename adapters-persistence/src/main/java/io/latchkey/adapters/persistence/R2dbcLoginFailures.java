package io.latchkey.adapters.persistence;

import io.latchkey.domain.model.abuse.FailureCount;
import io.latchkey.domain.model.abuse.LockoutSubject;
import io.latchkey.domain.model.token.Sha256;
import io.latchkey.domain.model.user.Email;
import io.latchkey.domain.port.LoginFailures;
import java.time.Duration;
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
    public Mono<Integer> recordFailure(LockoutSubject subject, Instant now, Duration forgetAfter) {
        // One statement, so concurrent failures for one address are all counted.
        return db.sql("""
                        INSERT INTO login_failures AS f (address_hash, owner_hash, failures, last_failure_at)
                        VALUES (:address, :owner, 1, :now)
                        ON CONFLICT (address_hash) DO UPDATE
                           SET failures = CASE WHEN f.last_failure_at < :forgotten THEN 1 ELSE f.failures + 1 END,
                               locked_until = CASE WHEN f.last_failure_at < :forgotten THEN NULL
                                                   ELSE f.locked_until END,
                               last_failure_at = :now
                        RETURNING failures
                        """)
                .bind("address", hash(subject))
                .bind("owner", Sha256.hex(subject.address().key()))
                .bind("now", now)
                .bind("forgotten", now.minus(forgetAfter))
                .map(row -> row.get("failures", Integer.class))
                .one()
                .onErrorMap(PostgresFailures::translate);
    }

    @Override
    public Mono<Void> lockUntil(LockoutSubject subject, Instant until) {
        return db.sql("""
                        UPDATE login_failures SET locked_until = GREATEST(COALESCE(locked_until, :until), :until)
                         WHERE address_hash = :address
                        """)
                .bind("address", hash(subject))
                .bind("until", until)
                .fetch().rowsUpdated()
                .then()
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
