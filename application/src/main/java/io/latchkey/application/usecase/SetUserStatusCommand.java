package io.latchkey.application.usecase;

import io.latchkey.domain.model.user.UserId;
import io.latchkey.domain.model.user.UserStatus;
import java.util.Objects;

/** The account an administrator disables or enables. */
public record SetUserStatusCommand(UserId userId, UserStatus status) {

    public SetUserStatusCommand {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(status, "status");
    }
}
