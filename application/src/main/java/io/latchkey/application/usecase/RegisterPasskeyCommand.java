package io.latchkey.application.usecase;

import io.latchkey.domain.model.passkey.PasskeyRegistration;
import io.latchkey.domain.model.session.SessionId;
import io.latchkey.domain.model.user.UserId;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** The browser's answer to the registration options, and the name the user gives the passkey. */
public record RegisterPasskeyCommand(UserId userId, SessionId sessionId, @Nullable String name,
        PasskeyRegistration registration) {

    public RegisterPasskeyCommand {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(registration, "registration");
    }
}
