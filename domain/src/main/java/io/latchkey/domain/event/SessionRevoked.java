package io.latchkey.domain.event;

import io.latchkey.domain.model.session.RevocationReason;
import io.latchkey.domain.model.session.SessionId;
import io.latchkey.domain.model.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Sessions ended. {@code accessTokensValidUntil} is the latest expiry of any access token they could
 * have issued, so a subscriber knows how long to keep its own deny entry. {@code accountEpoch}, when the revocation
 * raised the account's epoch (every session ended), is the new epoch: every access token carrying a lower one is dead.
 */
public record SessionRevoked(
        UUID eventId,
        UserId userId,
        Instant occurredAt,
        List<SessionId> sessionIds,
        RevocationReason reason,
        Instant accessTokensValidUntil,
        @Nullable Long accountEpoch) implements AuthEvent {

    /** A revocation of listed sessions only; the account's epoch stayed. */
    public SessionRevoked(UUID eventId, UserId userId, Instant occurredAt, List<SessionId> sessionIds,
            RevocationReason reason, Instant accessTokensValidUntil) {
        this(eventId, userId, occurredAt, sessionIds, reason, accessTokensValidUntil, null);
    }

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
