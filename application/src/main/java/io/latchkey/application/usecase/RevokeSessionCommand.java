package io.latchkey.application.usecase;

import io.latchkey.domain.model.session.SessionId;
import io.latchkey.domain.model.user.UserId;
import java.util.Objects;

/** The caller and the session to end; it must be the caller's own. */
public record RevokeSessionCommand(UserId userId, SessionId sessionId) {

    public RevokeSessionCommand {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(sessionId, "sessionId");
    }
}
