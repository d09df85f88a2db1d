package io.latchkey.adapters.persistence;

import io.latchkey.domain.model.user.UserId;
import io.latchkey.domain.port.LoginFailures;
import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The failure count and lock live on the account's row, so they need no Redis and go with the account. */
@Component
class R2dbcLoginFailures implements LoginFailures {

    private final DatabaseClient db;

    R2dbcLoginFailures(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Instant> lockedUntil(UserId userId, Instant now) {
        return db.sql("SELECT locked_until FROM users WHERE id = :id AND locked_until > :now")
                .bind("id", userId.value())
                .bind("now", now)
                .map(row -> row.get("locked_until", Instant.class))
                .one()
                .onErrorMap(PostgresFailures::translate);
    }

    @Override
    public Mono<Integer> recordFailure(UserId userId) {
        return db.sql("UPDATE users SET failed_logins = failed_logins + 1 WHERE id = :id RETURNING failed_logins")
                .bind("id", userId.value())
                .map(row -> row.get("failed_logins", Integer.class))
                .one()
                .defaultIfEmpty(0)
                .onErrorMap(PostgresFailures::translate);
    }

    @Override
    public Mono<Void> lockUntil(UserId userId, Instant until) {
        return db.sql("UPDATE users SET locked_until = :until WHERE id = :id")
                .bind("id", userId.value())
                .bind("until", until)
                .fetch().rowsUpdated()
                .then()
                .onErrorMap(PostgresFailures::translate);
    }

    @Override
    public Mono<Void> clear(UserId userId) {
        // Conditional, so the usual successful login writes nothing.
        return db.sql("UPDATE users SET failed_logins = 0, locked_until = NULL "
                        + "WHERE id = :id AND (failed_logins > 0 OR locked_until IS NOT NULL)")
                .bind("id", userId.value())
                .fetch().rowsUpdated()
                .then()
                .onErrorMap(PostgresFailures::translate);
    }
}
