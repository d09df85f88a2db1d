package io.latchkey.domain.model.mail;

import io.latchkey.domain.model.user.Email;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A mail claimed from the outbox, with how many deliveries of it failed so far. */
public record QueuedMail(UUID id, Email to, MailContent content, @Nullable Instant expiresAt, int attempts) {

    public QueuedMail {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(content, "content");
    }

    /** A new entry whose content the relay writes when it sends: a verification code or a reset token. */
    public static QueuedMail writtenAtSend(UUID id, Email to, MailContent content, Instant expiresAt) {
        return new QueuedMail(id, to, content, expiresAt, 0);
    }

    public boolean expiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "QueuedMail[id=" + id + ", content=" + content.getClass().getSimpleName() + ", attempts=" + attempts + "]";
    }
}
