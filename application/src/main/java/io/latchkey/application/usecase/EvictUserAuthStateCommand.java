package io.latchkey.application.usecase;

import io.latchkey.domain.model.session.SessionId;
import io.latchkey.domain.model.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What an auth event asks caches to forget: the whole user (sessions, profile) or some sessions. Carries the
 * event id, so redeliveries are recognised. A revocation also names the sessions it ended and how long their access
 * tokens live ({@code accessTokensValidUntil}), so an instance can refuse them for that long whatever a cache says.
 */
public record EvictUserAuthStateCommand(UUID eventId, UserId userId, List<SessionId> sessionIds, boolean wholeUser,
        List<SessionId> revokedSessionIds, @Nullable Instant accessTokensValidUntil) {

    public EvictUserAuthStateCommand {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(userId, "userId");
        sessionIds = List.copyOf(sessionIds);
        revokedSessionIds = List.copyOf(revokedSessionIds);
        if (!revokedSessionIds.isEmpty() && accessTokensValidUntil == null) {
            throw new IllegalArgumentException("revoked sessions need the expiry of their last access token");
        }
    }

    /** An event that revokes nothing. */
    public EvictUserAuthStateCommand(UUID eventId, UserId userId, List<SessionId> sessionIds, boolean wholeUser) {
        this(eventId, userId, sessionIds, wholeUser, List.of(), null);
    }

    public boolean evictsNothing() {
        return !wholeUser && sessionIds.isEmpty();
    }
}
