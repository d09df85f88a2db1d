package io.latchkey.application.usecase;

import io.latchkey.domain.model.user.UserId;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** The caller and its current password, which must be right for the account to go. */
public record DeleteAccountCommand(UserId userId, @Nullable String password) {

    public DeleteAccountCommand {
        Objects.requireNonNull(userId, "userId");
    }

    @Override
    public String toString() {
        return "DeleteAccountCommand[userId=" + userId + "]";
    }
}
