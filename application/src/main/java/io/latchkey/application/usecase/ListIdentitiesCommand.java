package io.latchkey.application.usecase;

import io.latchkey.domain.model.user.UserId;
import java.util.Objects;

public record ListIdentitiesCommand(UserId userId) {

    public ListIdentitiesCommand {
        Objects.requireNonNull(userId, "userId");
    }
}
