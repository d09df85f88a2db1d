package io.latchkey.application.usecase;

import io.latchkey.domain.model.user.UserId;
import io.latchkey.domain.model.user.UserStatus;
import java.util.Objects;

/** The administrator acting, and the account they disable or enable. */
public record SetUserStatusCommand(UserId actor, UserId userId, UserStatus status) {

    public SetUserStatusCommand {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(status, "status");
    }
}
