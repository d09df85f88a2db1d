package io.latchkey.application.usecase;

import io.latchkey.domain.model.user.UserId;
import java.util.Objects;

/** The account an administrator acts on. */
public record DeleteUserCommand(UserId userId) {

    public DeleteUserCommand {
        Objects.requireNonNull(userId, "userId");
    }
}
