package io.latchkey.adapters.persistence;

import io.latchkey.domain.model.mail.MailContent;
import io.latchkey.domain.model.mail.QueuedMail;
import io.latchkey.domain.model.user.Email;
import io.latchkey.domain.port.MailOutbox;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The {@code mail_outbox} table, claimed with SKIP LOCKED like the event outbox. */
@Component
class R2dbcMailOutbox implements MailOutbox {

    private final DatabaseClient db;

    R2dbcMailOutbox(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Void> enqueue(QueuedMail mail) {
        @Nullable String subject = mail.content() instanceof MailContent.Written written ? written.subject() : null;
        @Nullable String body = mail.content() instanceof MailContent.Written written ? written.body() : null;
        return Binds.nullable(Binds.nullable(Binds.nullable(db.sql("""
                                INSERT INTO mail_outbox (id, recipient, recipient_key, kind, subject, body, expires_at)
                                VALUES (:id, :to, :key, :kind, :subject, :body, :expires)
                                """)
                        .bind("id", mail.id())
                        .bind("to", mail.to().value())
                        .bind("key", mail.to().key())
                        .bind("kind", kind(mail.content())), "subject", subject, String.class),
                        "body", body, String.class), "expires", mail.expiresAt(), Instant.class)
                .fetch().rowsUpdated()
                .then()
                .onErrorMap(PostgresFailures::translate);
    }

    @Override
    public Flux<QueuedMail> claimDue(int limit, Instant now) {
        return db.sql("""
                        SELECT id, recipient, kind, subject, body, expires_at, attempts
                          FROM mail_outbox
                         WHERE next_attempt_at <= :now
                         ORDER BY next_attempt_at, created_at
                         LIMIT :limit
                           FOR UPDATE SKIP LOCKED
                        """)
                .bind("now", now)
                .bind("limit", limit)
                .map(row -> new QueuedMail(row.get("id", UUID.class), new Email(row.get("recipient", String.class)),
                        content(row), row.get("expires_at", Instant.class), row.get("attempts", Integer.class)))
                .all()
                .onErrorMap(PostgresFailures::translate);
    }

    @Override
    public Mono<Void> remove(UUID id) {
        return db.sql("DELETE FROM mail_outbox WHERE id = :id").bind("id", id)
                .fetch().rowsUpdated().then()
                .onErrorMap(PostgresFailures::translate);
    }

    @Override
    public Mono<Void> removeAddressedTo(Email to) {
        return db.sql("DELETE FROM mail_outbox WHERE recipient_key = :key").bind("key", to.key())
                .fetch().rowsUpdated().then()
                .onErrorMap(PostgresFailures::translate);
    }

    @Override
    public Mono<Void> removePasswordResetsTo(Email to) {
        return db.sql("DELETE FROM mail_outbox WHERE recipient_key = :key AND kind = 'password_reset'")
                        .bind("key", to.key())
                .fetch().rowsUpdated().then()
                .onErrorMap(PostgresFailures::translate);
    }

    @Override
    public Mono<Void> markFailed(UUID id, int attempts, Instant nextAttemptAt) {
        return db.sql("UPDATE mail_outbox SET attempts = :attempts, next_attempt_at = :next WHERE id = :id")
                .bind("attempts", attempts)
                .bind("next", nextAttemptAt)
                .bind("id", id)
                .fetch().rowsUpdated().then()
                .onErrorMap(PostgresFailures::translate);
    }

    private static String kind(MailContent content) {
        return switch (content) {
            case MailContent.Written ignored -> "written";
            case MailContent.VerificationCode ignored -> "verification_code";
            case MailContent.PasswordReset ignored -> "password_reset";
        };
    }

    private static MailContent content(Readable row) {
        String kind = row.get("kind", String.class);
        return switch (kind) {
            case "written" -> new MailContent.Written(row.get("subject", String.class), row.get("body", String.class));
            case "verification_code" -> new MailContent.VerificationCode();
            case "password_reset" -> new MailContent.PasswordReset();
            default -> throw new IllegalStateException("unknown mail kind " + kind);
        };
    }
}
