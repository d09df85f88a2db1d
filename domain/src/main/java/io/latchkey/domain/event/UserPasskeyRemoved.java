package io.latchkey.domain.event;

import io.latchkey.domain.model.user.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A passkey was removed from the account by its owner ({@code passkeyId}: its id in the API). */
public record UserPasskeyRemoved(UUID eventId, UserId userId, Instant occurredAt, UUID passkeyId) implements AuthEvent {

    public UserPasskeyRemoved {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(passkeyId, "passkeyId");
    }

    @Override
    public String type() {
        return "user.passkey_removed";
    }
}
