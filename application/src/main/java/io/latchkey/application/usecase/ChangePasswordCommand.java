package io.latchkey.application.usecase;

import io.latchkey.domain.model.session.SessionId;
import io.latchkey.domain.model.user.UserId;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** The caller, its current session (kept alive), both passwords, and whether to end the other sessions. */
public record ChangePasswordCommand(UserId userId, SessionId sessionId, @Nullable String currentPassword,
        @Nullable String newPassword, boolean revokeOtherSessions) {

    public ChangePasswordCommand {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(sessionId, "sessionId");
    }

    @Override
    public String toString() {
        return "ChangePasswordCommand[userId=" + userId + "]";
    }
}
