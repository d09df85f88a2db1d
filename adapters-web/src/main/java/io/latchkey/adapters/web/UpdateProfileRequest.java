package io.latchkey.adapters.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.latchkey.application.usecase.UpdateProfileCommand;
import io.latchkey.domain.model.user.UserId;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** {@code PATCH /api/v1/me} body. */
record UpdateProfileRequest(
        @JsonProperty("first_name") @Nullable String firstName,
        @JsonProperty("last_name") @Nullable String lastName) {

    UpdateProfileCommand toCommand(UserId userId) {
        return new UpdateProfileCommand(userId, Optional.ofNullable(firstName), Optional.ofNullable(lastName));
    }
}
