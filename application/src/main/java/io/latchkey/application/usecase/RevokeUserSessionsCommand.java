package io.latchkey.application.usecase;

import io.latchkey.domain.model.user.UserId;
import java.util.Objects;

/** The account an administrator acts on. */
public record RevokeUserSessionsCommand(UserId userId) {

    public RevokeUserSessionsCommand {
        Objects.requireNonNull(userId, "userId");
    }
}
