package io.latchkey.domain.model.outbox;

import io.latchkey.domain.model.user.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One committed event as stored: its id, the user it is keyed by, its type, its JSON body, and the W3C
 * {@code traceparent} of the transaction that wrote it (null when that ran without a trace).
 */
public record OutboxMessage(UUID eventId, UserId userId, String type, Instant occurredAt, String payload, int attempts,
        @Nullable String traceParent) {

    public OutboxMessage(UUID eventId, UserId userId, String type, Instant occurredAt, String payload, int attempts) {
        this(eventId, userId, type, occurredAt, payload, attempts, null);
    }

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
