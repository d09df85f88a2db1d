package io.latchkey.application.usecase;

import io.latchkey.domain.model.session.SessionId;
import io.latchkey.domain.model.user.UserId;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What an auth event asks caches to forget: the whole user (sessions, profile) or some sessions. Carries the
 * event id, so redeliveries are recognised.
 */
public record EvictUserAuthStateCommand(UUID eventId, UserId userId, List<SessionId> sessionIds, boolean wholeUser) {

    public EvictUserAuthStateCommand {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(userId, "userId");
        sessionIds = List.copyOf(sessionIds);
    }

    public boolean evictsNothing() {
        return !wholeUser && sessionIds.isEmpty();
    }
}
