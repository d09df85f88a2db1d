package io.latchkey.domain.event;

import io.latchkey.domain.model.session.SessionId;
import io.latchkey.domain.model.user.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A refresh token was exchanged for its successor; {@code generation} is the new one. */
public record TokenRotated(UUID eventId, UserId userId, Instant occurredAt, SessionId sessionId, long generation)
        implements AuthEvent {

    public TokenRotated {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(sessionId, "sessionId");
    }

    @Override
    public String type() {
        return "token.rotated";
    }
}
