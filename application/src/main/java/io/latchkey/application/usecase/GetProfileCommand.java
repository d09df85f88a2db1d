package io.latchkey.application.usecase;

import io.latchkey.domain.model.user.UserId;
import java.util.Objects;

/** Whose profile to read: always the authenticated caller. */
public record GetProfileCommand(UserId userId) {

    public GetProfileCommand {
        Objects.requireNonNull(userId, "userId");
    }
}
