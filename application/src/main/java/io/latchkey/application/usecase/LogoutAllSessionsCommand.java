package io.latchkey.application.usecase;

import io.latchkey.domain.model.user.UserId;
import java.util.Objects;

/** The account whose sessions all end. */
public record LogoutAllSessionsCommand(UserId userId) {

    public LogoutAllSessionsCommand {
        Objects.requireNonNull(userId, "userId");
    }
}
