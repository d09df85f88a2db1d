package io.latchkey.domain.event;

import io.latchkey.domain.model.user.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** The account and its personal data are gone; subscribers should forget what they hold about it. */
public record UserDeleted(UUID eventId, UserId userId, Instant occurredAt) implements AuthEvent {

    public UserDeleted {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public String type() {
        return "user.deleted";
    }
}
