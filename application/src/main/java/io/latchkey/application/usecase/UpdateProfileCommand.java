package io.latchkey.application.usecase;

import io.latchkey.domain.model.user.UserId;
import java.util.Objects;
import java.util.Optional;

/** A partial update: an empty {@code Optional} leaves the field as it is; a blank value clears it. */
public record UpdateProfileCommand(UserId userId, Optional<String> firstName, Optional<String> lastName) {

    public UpdateProfileCommand {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(firstName, "firstName");
        Objects.requireNonNull(lastName, "lastName");
    }
}
