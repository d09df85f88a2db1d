package io.latchkey.domain.model.mail;

import io.latchkey.domain.model.user.Email;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A plain-text mail waiting in the mail outbox. {@code expiresAt} is when its content (a code, a link) stops
 * working: after that it is dropped instead of sent.
 */
public record OutgoingMail(UUID id, Email to, String subject, String body, @Nullable Instant expiresAt) {

    public OutgoingMail {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
    }

    /** As the outbox holds it until it is sent. */
    public QueuedMail queued() {
        return new QueuedMail(id, to, new MailContent.Written(subject, body), expiresAt, 0);
    }

    @Override
    public String toString() {
        return "OutgoingMail[id=" + id + ", subject=" + subject + "]";
    }
}
