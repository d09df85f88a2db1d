package io.latchkey.application.usecase;

import io.latchkey.domain.model.session.SessionId;
import io.latchkey.domain.model.user.UserId;
import java.util.Objects;

/** Whose sessions, and which one the request came from (flagged as current). */
public record ListSessionsCommand(UserId userId, SessionId currentSessionId) {

    public ListSessionsCommand {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(currentSessionId, "currentSessionId");
    }
}
