package io.latchkey.application.usecase;

import io.latchkey.domain.model.session.SessionId;
import io.latchkey.domain.model.user.UserId;
import java.util.Objects;

/** Whose session to end: the authenticated caller's. */
public record LogoutCommand(UserId userId, SessionId sessionId) {

    public LogoutCommand {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(sessionId, "sessionId");
    }
}
