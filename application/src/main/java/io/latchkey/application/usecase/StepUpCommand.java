package io.latchkey.application.usecase;

import io.latchkey.domain.model.passkey.PasskeyAssertion;
import io.latchkey.domain.model.session.SessionId;
import io.latchkey.domain.model.user.UserId;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Re-authentication within the caller's session: the password (accounts without a second factor), or a TOTP or
 * recovery code or a passkey assertion (accounts with one; the password may be given too).
 */
public record StepUpCommand(UserId userId, SessionId sessionId, @Nullable String password, @Nullable String code,
        @Nullable String recoveryCode, @Nullable PasskeyAssertion passkey) {

    public StepUpCommand {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(sessionId, "sessionId");
    }

    @Override
    public String toString() {
        return "StepUpCommand[userId=" + userId + "]";
    }
}
