package io.latchkey.adapters.persistence;

import io.latchkey.domain.error.EmailAlreadyRegisteredException;
import io.latchkey.domain.model.user.Email;
import io.latchkey.domain.model.user.PasswordHash;
import io.latchkey.domain.model.user.PersonName;
import io.latchkey.domain.model.user.User;
import io.latchkey.domain.model.user.UserId;
import io.latchkey.domain.model.user.UserPage;
import io.latchkey.domain.model.user.UserStatus;
import io.latchkey.domain.port.UserRepository;
import io.r2dbc.spi.R2dbcDataIntegrityViolationException;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Accounts in the {@code users} table. */
@Component
class R2dbcUserRepository implements UserRepository {

    private static final List<String> FIELDS = List.of("id", "email", "password_hash", "first_name", "last_name",
            "status", "roles", "email_verified", "auth_epoch", "created_at", "updated_at");
    static final String COLUMNS = columns("");

    /** The account's columns of {@code users u}, each named with {@code prefix}, for a join whose other table shares names. */
    static String columns(String prefix) {
        return FIELDS.stream().map(field -> prefix.isEmpty() ? "u." + field : "u." + field + " AS " + prefix + field)
                .collect(Collectors.joining(", "));
    }

    private final DatabaseClient db;

    R2dbcUserRepository(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<User> insert(User user) {
        return Binds.nullable(Binds.nullable(db.sql("""
                        INSERT INTO users (id, email, email_key, password_hash, first_name, last_name, status, roles,
                                           email_verified, auth_epoch, created_at, updated_at)
                        VALUES (:id, :email, :key, :hash, :first, :last, :status, :roles, :verified, :epoch, :created, :updated)
                        """)
                        .bind("id", user.id().value())
                        .bind("email", user.email().value())
                        .bind("key", user.email().key())
                        .bind("hash", user.passwordHash().encoded()), "first", user.name().first(), String.class),
                        "last", user.name().last(), String.class)
                .bind("status", user.status().name())
                .bind("roles", user.roles().toArray(String[]::new))
                .bind("verified", user.emailVerified())
                .bind("epoch", user.authEpoch())
                .bind("created", user.createdAt())
                .bind("updated", user.updatedAt())
                .fetch().rowsUpdated()
                .thenReturn(user)
                .onErrorMap(R2dbcUserRepository::isUniqueViolation, e -> new EmailAlreadyRegisteredException())
                .onErrorMap(PostgresFailures::translate);
    }

    @Override
    public Mono<User> findByEmail(Email email) {
        return db.sql("SELECT " + COLUMNS + " FROM users u WHERE u.email_key = :key")
                .bind("key", email.key())
                .map(R2dbcUserRepository::toUser)
                .one()
                .onErrorMap(PostgresFailures::translate);
    }

    @Override
    public Mono<User> findById(UserId id) {
        return db.sql("SELECT " + COLUMNS + " FROM users u WHERE u.id = :id")
                .bind("id", id.value())
                .map(R2dbcUserRepository::toUser)
                .one()
                .onErrorMap(PostgresFailures::translate);
    }

    @Override
    public Mono<User> findByIdForShare(UserId id) {
        return db.sql("SELECT " + COLUMNS + " FROM users u WHERE u.id = :id FOR SHARE")
                .bind("id", id.value())
                .map(R2dbcUserRepository::toUser)
                .one()
                .onErrorMap(PostgresFailures::translate);
    }

    @Override
    public Mono<User> updateName(UserId id, PersonName name, Instant now) {
        return Binds.nullable(Binds.nullable(db.sql("UPDATE users u SET first_name = :first, last_name = :last, "
                                + "updated_at = :now WHERE u.id = :id RETURNING " + COLUMNS)
                        .bind("id", id.value())
                        .bind("now", now), "first", name.first(), String.class), "last", name.last(), String.class)
                .map(R2dbcUserRepository::toUser)
                .one()
                .onErrorMap(PostgresFailures::translate);
    }

    @Override
    public Mono<Boolean> updatePassword(UserId id, PasswordHash hash, Instant now) {
        return changed(db.sql("UPDATE users SET password_hash = :hash, updated_at = :now WHERE id = :id")
                .bind("hash", hash.encoded()).bind("now", now).bind("id", id.value()));
    }

    @Override
    public Mono<Boolean> rehashPassword(UserId id, PasswordHash current, PasswordHash replacement, Instant now) {
        return changed(db.sql("""
                        UPDATE users SET password_hash = :replacement, updated_at = :now
                         WHERE id = :id AND password_hash = :current
                        """)
                .bind("replacement", replacement.encoded()).bind("current", current.encoded())
                .bind("now", now).bind("id", id.value()));
    }

    @Override
    public Mono<Boolean> markEmailVerified(UserId id, Instant now) {
        return changed(db.sql("UPDATE users SET email_verified = true, updated_at = :now WHERE id = :id AND NOT email_verified")
                .bind("now", now).bind("id", id.value()));
    }

    @Override
    public Mono<Boolean> updateStatus(UserId id, UserStatus status, Instant now) {
        return changed(db.sql("UPDATE users SET status = :status, updated_at = :now WHERE id = :id AND status <> :status")
                .bind("status", status.name()).bind("now", now).bind("id", id.value()));
    }

    @Override
    public Mono<Boolean> addRole(UserId id, String role, Instant now) {
        return changed(db.sql("""
                        UPDATE users SET roles = array_append(roles, :role), updated_at = :now
                         WHERE id = :id AND NOT (:role = ANY(roles))
                        """)
                .bind("role", role).bind("now", now).bind("id", id.value()));
    }

    @Override
    public Mono<Boolean> delete(UserId id) {
        return changed(db.sql("DELETE FROM users WHERE id = :id").bind("id", id.value()));
    }

    @Override
    public Mono<UserPage> search(String emailFragment, int page, int size) {
        String pattern = "%" + emailFragment.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        Mono<Long> total = db.sql("SELECT count(*) AS total FROM users u WHERE u.email ILIKE :pattern")
                .bind("pattern", pattern)
                .map(row -> row.get("total", Long.class))
                .one();
        Mono<List<User>> users = db.sql("SELECT " + COLUMNS + " FROM users u WHERE u.email ILIKE :pattern "
                        + "ORDER BY u.created_at, u.id LIMIT :limit OFFSET :offset")
                .bind("pattern", pattern)
                .bind("limit", size)
                .bind("offset", (long) page * size)
                .map(R2dbcUserRepository::toUser)
                .all()
                .collectList();
        return Mono.zip(users, total, (list, count) -> new UserPage(list, count, page, size))
                .onErrorMap(PostgresFailures::translate);
    }

    private static Mono<Boolean> changed(GenericExecuteSpec statement) {
        return statement.fetch().rowsUpdated().map(rows -> rows > 0).onErrorMap(PostgresFailures::translate);
    }

    @Override
    public Mono<Long> raiseAuthEpoch(UserId id) {
        return db.sql("UPDATE users SET auth_epoch = auth_epoch + 1, updated_at = now() WHERE id = :id RETURNING auth_epoch")
                .bind("id", id.value())
                .map(row -> row.get("auth_epoch", Long.class))
                .one()
                .onErrorMap(PostgresFailures::translate);
    }

    static User toUser(Readable row) {
        return readUser(row, "");
    }

    /** The account read from {@link #columns(String)} with the same prefix. */
    static User readUser(Readable row, String prefix) {
        String[] roles = row.get(prefix + "roles", String[].class);
        return new User(
                new UserId(row.get(prefix + "id", UUID.class)),
                new Email(row.get(prefix + "email", String.class)),
                new PasswordHash(row.get(prefix + "password_hash", String.class)),
                new PersonName(row.get(prefix + "first_name", String.class), row.get(prefix + "last_name", String.class)),
                UserStatus.valueOf(row.get(prefix + "status", String.class)),
                roles == null ? Set.of() : Set.of(roles),
                Boolean.TRUE.equals(row.get(prefix + "email_verified", Boolean.class)),
                row.get(prefix + "auth_epoch", Long.class),
                row.get(prefix + "created_at", Instant.class),
                row.get(prefix + "updated_at", Instant.class));
    }

    private static boolean isUniqueViolation(Throwable e) {
        return e instanceof DataIntegrityViolationException || e instanceof R2dbcDataIntegrityViolationException;
    }
}
