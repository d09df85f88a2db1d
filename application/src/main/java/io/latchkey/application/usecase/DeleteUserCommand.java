package io.latchkey.application.usecase;

import io.latchkey.domain.model.user.UserId;
import java.util.Objects;

/** The administrator acting, and the account they delete. */
public record DeleteUserCommand(UserId actor, UserId userId) {

    public DeleteUserCommand {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(userId, "userId");
    }
}
