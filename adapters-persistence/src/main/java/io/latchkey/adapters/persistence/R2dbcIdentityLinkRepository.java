package io.latchkey.adapters.persistence;

import io.latchkey.domain.error.AuthErrorCode;
import io.latchkey.domain.error.FederationException;
import io.latchkey.domain.model.federation.LinkedIdentity;
import io.latchkey.domain.model.user.UserId;
import io.latchkey.domain.port.IdentityLinkRepository;
import io.r2dbc.spi.R2dbcDataIntegrityViolationException;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The {@code user_identities} table. */
@Component
class R2dbcIdentityLinkRepository implements IdentityLinkRepository {

    private static final String COLUMNS = "provider, subject, user_id, email, linked_at";

    private final DatabaseClient db;

    R2dbcIdentityLinkRepository(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<LinkedIdentity> find(String provider, String subject) {
        return db.sql("SELECT " + COLUMNS + " FROM user_identities WHERE provider = :provider AND subject = :subject")
                .bind("provider", provider)
                .bind("subject", subject)
                .map(R2dbcIdentityLinkRepository::toIdentity)
                .one()
                .onErrorMap(PostgresFailures::translate);
    }

    @Override
    public Flux<LinkedIdentity> findByUser(UserId userId) {
        return db.sql("SELECT " + COLUMNS + " FROM user_identities WHERE user_id = :user ORDER BY linked_at, provider")
                .bind("user", userId.value())
                .map(R2dbcIdentityLinkRepository::toIdentity)
                .all()
                .onErrorMap(PostgresFailures::translate);
    }

    @Override
    public Flux<LinkedIdentity> findByUserForUpdate(UserId userId) {
        return db.sql("SELECT " + COLUMNS + " FROM user_identities WHERE user_id = :user ORDER BY provider FOR UPDATE")
                .bind("user", userId.value())
                .map(R2dbcIdentityLinkRepository::toIdentity)
                .all()
                .onErrorMap(PostgresFailures::translate);
    }

    @Override
    public Mono<LinkedIdentity> insert(LinkedIdentity identity) {
        return Binds.nullable(db.sql("""
                        INSERT INTO user_identities (provider, subject, user_id, email, linked_at)
                        VALUES (:provider, :subject, :user, :email, :linked)
                        """)
                        .bind("provider", identity.provider())
                        .bind("subject", identity.subject())
                        .bind("user", identity.userId().value()), "email", identity.email(), String.class)
                .bind("linked", identity.linkedAt())
                .fetch().rowsUpdated()
                .thenReturn(identity)
                .onErrorMap(e -> e instanceof DataIntegrityViolationException || e instanceof R2dbcDataIntegrityViolationException,
                        e -> new FederationException(AuthErrorCode.IDENTITY_ALREADY_LINKED))
                .onErrorMap(PostgresFailures::translate);
    }

    @Override
    public Mono<Boolean> delete(UserId userId, String provider) {
        return db.sql("DELETE FROM user_identities WHERE user_id = :user AND provider = :provider")
                .bind("user", userId.value())
                .bind("provider", provider)
                .fetch().rowsUpdated()
                .map(count -> count > 0)
                .onErrorMap(PostgresFailures::translate);
    }

    private static LinkedIdentity toIdentity(Readable row) {
        return new LinkedIdentity(new UserId(row.get("user_id", UUID.class)), row.get("provider", String.class),
                row.get("subject", String.class), row.get("email", String.class), row.get("linked_at", Instant.class));
    }
}
