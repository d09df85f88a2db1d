package io.latchkey.adapters.persistence;

import io.latchkey.domain.port.StatisticsRepository;
import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** {@code count(*)} over {@code users} and the live rows of {@code sessions}. */
@Component
class R2dbcStatisticsRepository implements StatisticsRepository {

    private final DatabaseClient db;

    R2dbcStatisticsRepository(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Long> countAccounts() {
        return db.sql("SELECT count(*) AS n FROM users")
                .map(row -> row.get("n", Long.class))
                .one()
                .onErrorMap(PostgresFailures::translate);
    }

    @Override
    public Mono<Long> countLiveSessions(Instant now) {
        return db.sql("SELECT count(*) AS n FROM sessions WHERE status = 'ACTIVE' AND idle_expires_at > :now "
                        + "AND absolute_expires_at > :now")
                .bind("now", now)
                .map(row -> row.get("n", Long.class))
                .one()
                .onErrorMap(PostgresFailures::translate);
    }
}
