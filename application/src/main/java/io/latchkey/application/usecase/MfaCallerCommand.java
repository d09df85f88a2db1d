package io.latchkey.application.usecase;

import io.latchkey.domain.model.session.SessionId;
import io.latchkey.domain.model.user.UserId;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A signed-in caller acting on their own second factors, with a code where the action needs one. */
public record MfaCallerCommand(UserId userId, SessionId sessionId, @Nullable String code) {

    public MfaCallerCommand {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(sessionId, "sessionId");
    }

    @Override
    public String toString() {
        return "MfaCallerCommand[userId=" + userId + "]";
    }
}
