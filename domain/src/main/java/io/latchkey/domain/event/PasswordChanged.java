package io.latchkey.domain.event;

import io.latchkey.domain.model.user.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** The account's password was changed or reset; the sessions it ended have their own session.revoked event. */
public record PasswordChanged(UUID eventId, UserId userId, Instant occurredAt) implements AuthEvent {

    public PasswordChanged {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public String type() {
        return "user.password_changed";
    }
}
