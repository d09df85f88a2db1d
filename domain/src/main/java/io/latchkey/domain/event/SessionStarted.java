package io.latchkey.domain.event;

import io.latchkey.domain.model.session.SessionId;
import io.latchkey.domain.model.user.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A login succeeded and opened a session. */
public record SessionStarted(UUID eventId, UserId userId, Instant occurredAt, SessionId sessionId) implements AuthEvent {

    public SessionStarted {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(sessionId, "sessionId");
    }

    @Override
    public String type() {
        return "session.started";
    }
}
