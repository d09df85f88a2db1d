package io.latchkey.application.usecase;

import io.latchkey.domain.model.user.UserId;
import java.util.Objects;

/** An administrator removing every second factor of a user. */
public record ResetSecondFactorsCommand(UserId adminId, UserId userId) {

    public ResetSecondFactorsCommand {
        Objects.requireNonNull(adminId, "adminId");
        Objects.requireNonNull(userId, "userId");
    }
}
