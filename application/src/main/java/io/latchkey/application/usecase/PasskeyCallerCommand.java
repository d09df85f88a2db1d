package io.latchkey.application.usecase;

import io.latchkey.domain.model.session.SessionId;
import io.latchkey.domain.model.user.UserId;
import java.util.Objects;

/** A signed-in caller acting on their own passkeys. */
public record PasskeyCallerCommand(UserId userId, SessionId sessionId) {

    public PasskeyCallerCommand {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(sessionId, "sessionId");
    }
}
