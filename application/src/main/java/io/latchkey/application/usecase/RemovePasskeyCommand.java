package io.latchkey.application.usecase;

import io.latchkey.domain.model.session.SessionId;
import io.latchkey.domain.model.user.UserId;
import java.util.Objects;
import java.util.UUID;

/** Removes one of the caller's passkeys. */
public record RemovePasskeyCommand(UserId userId, SessionId sessionId, UUID passkeyId) {

    public RemovePasskeyCommand {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(passkeyId, "passkeyId");
    }
}
