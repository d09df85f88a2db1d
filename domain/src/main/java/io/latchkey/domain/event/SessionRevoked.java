package io.latchkey.domain.event;

import io.latchkey.domain.model.session.RevocationReason;
import io.latchkey.domain.model.session.SessionId;
import io.latchkey.domain.model.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Sessions ended. {@code accessTokensValidUntil} is the latest expiry of any access token they could
 * have issued, so a subscriber knows how long to keep its own deny entry.
 */
public record SessionRevoked(
        UUID eventId,
        UserId userId,
        Instant occurredAt,
        List<SessionId> sessionIds,
        RevocationReason reason,
        Instant accessTokensValidUntil) implements AuthEvent {

    public SessionRevoked {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        sessionIds = List.copyOf(sessionIds);
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(accessTokensValidUntil, "accessTokensValidUntil");
    }

    @Override
    public String type() {
        return "session.revoked";
    }
}
