package io.latchkey.adapters.persistence;

import io.latchkey.domain.model.passkey.Passkey;
import io.latchkey.domain.model.user.UserId;
import io.latchkey.domain.port.PasskeyRepository;
import io.r2dbc.spi.Readable;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Passkeys in {@code passkeys} (V9). */
@Component
class R2dbcPasskeyRepository implements PasskeyRepository {

    private static final String COLUMNS = "id, credential_id, user_id, name, credential_data, sign_count, "
            + "backup_eligible, created_at, last_used_at";

    private final DatabaseClient db;

    R2dbcPasskeyRepository(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Boolean> insert(Passkey passkey) {
        return db.sql("INSERT INTO passkeys (" + COLUMNS + ") VALUES (:id, :credential, :user, :name, :data, :count, "
                        + ":backup, :created, NULL) ON CONFLICT (credential_id) DO NOTHING")
                .bind("id", passkey.id())
                .bind("credential", passkey.credentialId())
                .bind("user", passkey.userId().value())
                .bind("name", passkey.name())
                .bind("data", ByteBuffer.wrap(passkey.credentialData()))
                .bind("count", passkey.signCount())
                .bind("backup", passkey.backupEligible())
                .bind("created", passkey.createdAt())
                .fetch().rowsUpdated()
                .map(rows -> rows == 1)
                .onErrorMap(PostgresFailures::translate);
    }

    @Override
    public Mono<Passkey> findByCredentialId(String credentialId) {
        return db.sql("SELECT " + COLUMNS + " FROM passkeys WHERE credential_id = :credential")
                .bind("credential", credentialId)
                .map(R2dbcPasskeyRepository::passkey)
                .one()
                .onErrorMap(PostgresFailures::translate);
    }

    @Override
    public Flux<Passkey> findByUser(UserId userId) {
        return db.sql("SELECT " + COLUMNS + " FROM passkeys WHERE user_id = :user ORDER BY created_at, id")
                .bind("user", userId.value())
                .map(R2dbcPasskeyRepository::passkey)
                .all()
                .onErrorMap(PostgresFailures::translate);
    }

    @Override
    public Mono<Passkey> rename(UserId userId, UUID id, String name) {
        return db.sql("UPDATE passkeys SET name = :name WHERE id = :id AND user_id = :user RETURNING " + COLUMNS)
                .bind("name", name)
                .bind("id", id)
                .bind("user", userId.value())
                .map(R2dbcPasskeyRepository::passkey)
                .one()
                .onErrorMap(PostgresFailures::translate);
    }

    @Override
    public Mono<Boolean> delete(UserId userId, UUID id) {
        return db.sql("DELETE FROM passkeys WHERE id = :id AND user_id = :user")
                .bind("id", id)
                .bind("user", userId.value())
                .fetch().rowsUpdated()
                .map(rows -> rows == 1)
                .onErrorMap(PostgresFailures::translate);
    }

    @Override
    public Mono<Boolean> recordUse(String credentialId, long signCount, Instant now) {
        return db.sql("UPDATE passkeys SET sign_count = :count, last_used_at = :now WHERE credential_id = :credential "
                        + "AND (sign_count < :count OR (sign_count = 0 AND :count = 0))")
                .bind("count", signCount)
                .bind("now", now)
                .bind("credential", credentialId)
                .fetch().rowsUpdated()
                .map(rows -> rows == 1)
                .onErrorMap(PostgresFailures::translate);
    }

    @Override
    public Mono<Boolean> deleteAll(UserId userId) {
        return db.sql("DELETE FROM passkeys WHERE user_id = :user")
                .bind("user", userId.value())
                .fetch().rowsUpdated()
                .map(rows -> rows > 0)
                .onErrorMap(PostgresFailures::translate);
    }

    private static Passkey passkey(Readable row) {
        ByteBuffer data = row.get("credential_data", ByteBuffer.class);
        byte[] bytes = new byte[data.remaining()];
        data.get(bytes);
        return new Passkey(row.get("id", UUID.class), row.get("credential_id", String.class),
                new UserId(row.get("user_id", UUID.class)), row.get("name", String.class), bytes,
                row.get("sign_count", Long.class), row.get("backup_eligible", Boolean.class),
                row.get("created_at", Instant.class), row.get("last_used_at", Instant.class));
    }
}
