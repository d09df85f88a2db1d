package io.latchkey.application.usecase;

import io.latchkey.domain.model.session.SessionId;
import io.latchkey.domain.model.user.UserId;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** The caller, its session (for the step-up rule) and its current password, which must be right for the account to go. */
public record DeleteAccountCommand(UserId userId, SessionId sessionId, @Nullable String password) {

    public DeleteAccountCommand {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(sessionId, "sessionId");
    }

    @Override
    public String toString() {
        return "DeleteAccountCommand[userId=" + userId + "]";
    }
}
