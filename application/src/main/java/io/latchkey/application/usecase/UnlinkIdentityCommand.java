package io.latchkey.application.usecase;

import io.latchkey.domain.model.user.UserId;
import java.util.Objects;

public record UnlinkIdentityCommand(UserId userId, String provider) {

    public UnlinkIdentityCommand {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(provider, "provider");
    }
}
