package io.latchkey.domain.event;

import io.latchkey.domain.model.user.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** The account proved it receives mail at its address. */
public record EmailVerified(UUID eventId, UserId userId, Instant occurredAt) implements AuthEvent {

    public EmailVerified {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public String type() {
        return "user.email_verified";
    }
}
