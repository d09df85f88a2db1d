package io.latchkey.application.usecase;

import io.latchkey.domain.model.user.UserId;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A new name for one of the caller's passkeys. */
public record RenamePasskeyCommand(UserId userId, UUID passkeyId, @Nullable String name) {

    public RenamePasskeyCommand {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(passkeyId, "passkeyId");
    }
}
