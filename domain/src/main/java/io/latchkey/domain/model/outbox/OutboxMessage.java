package io.latchkey.domain.model.outbox;

import io.latchkey.domain.model.user.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** One committed event as stored: its id, the user it is keyed by, its type and its JSON body. */
public record OutboxMessage(UUID eventId, UserId userId, String type, Instant occurredAt, String payload, int attempts) {

    public OutboxMessage {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(payload, "payload");
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts must not be negative");
        }
    }

    @Override
    public String toString() {
        return "OutboxMessage[" + type + " " + eventId + " attempts=" + attempts + "]";
    }
}
