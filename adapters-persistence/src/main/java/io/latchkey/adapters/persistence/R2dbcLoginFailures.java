package io.latchkey.adapters.persistence;

import io.latchkey.domain.model.abuse.FailureCount;
import io.latchkey.domain.model.token.Sha256;
import io.latchkey.domain.model.user.Email;
import io.latchkey.domain.port.LoginFailures;
import java.time.Duration;
import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Failure counts in {@code login_failures}, one row per address (as a SHA-256 of its canonical form), whether
 * or not an account has it. PostgreSQL, not Redis: the lockout must hold while Redis is down.
 */
@Component
class R2dbcLoginFailures implements LoginFailures {

    private final DatabaseClient db;

    R2dbcLoginFailures(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<FailureCount> find(Email address) {
        return db.sql("SELECT failures, locked_until FROM login_failures WHERE address_hash = :address")
                .bind("address", hash(address))
                .map(row -> new FailureCount(row.get("failures", Integer.class),
                        row.get("locked_until", Instant.class)))
                .one()
                .onErrorMap(PostgresFailures::translate);
    }

    @Override
    public Mono<Integer> recordFailure(Email address, Instant now, Duration forgetAfter) {
        // One statement, so concurrent failures for one address are all counted.
        return db.sql("""
                        INSERT INTO login_failures AS f (address_hash, failures, last_failure_at)
                        VALUES (:address, 1, :now)
                        ON CONFLICT (address_hash) DO UPDATE
                           SET failures = CASE WHEN f.last_failure_at < :forgotten THEN 1 ELSE f.failures + 1 END,
                               locked_until = CASE WHEN f.last_failure_at < :forgotten THEN NULL
                                                   ELSE f.locked_until END,
                               last_failure_at = :now
                        RETURNING failures
                        """)
                .bind("address", hash(address))
                .bind("now", now)
                .bind("forgotten", now.minus(forgetAfter))
                .map(row -> row.get("failures", Integer.class))
                .one()
                .onErrorMap(PostgresFailures::translate);
    }

    @Override
    public Mono<Void> lockUntil(Email address, Instant until) {
        return db.sql("""
                        UPDATE login_failures SET locked_until = GREATEST(COALESCE(locked_until, :until), :until)
                         WHERE address_hash = :address
                        """)
                .bind("address", hash(address))
                .bind("until", until)
                .fetch().rowsUpdated()
                .then()
                .onErrorMap(PostgresFailures::translate);
    }

    @Override
    public Mono<Void> clear(Email address) {
        return db.sql("DELETE FROM login_failures WHERE address_hash = :address")
                .bind("address", hash(address))
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

    private static String hash(Email address) {
        return Sha256.hex(address.value());
    }
}
