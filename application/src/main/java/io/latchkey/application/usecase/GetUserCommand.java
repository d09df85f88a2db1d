package io.latchkey.application.usecase;

import io.latchkey.domain.model.user.UserId;
import java.util.Objects;

/** Which account an administrator looks at. */
public record GetUserCommand(UserId userId) {
    public GetUserCommand {
        Objects.requireNonNull(userId, "userId");
    }
}
