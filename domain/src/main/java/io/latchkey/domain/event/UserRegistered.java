package io.latchkey.domain.event;

import io.latchkey.domain.model.user.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A new account exists. */
public record UserRegistered(UUID eventId, UserId userId, Instant occurredAt) implements AuthEvent {

    public UserRegistered {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public String type() {
        return "user.registered";
    }
}
