package io.latchkey.adapters.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.latchkey.application.usecase.UpdateProfileCommand;
import io.latchkey.domain.model.user.UserId;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** {@code PATCH /api/v1/me} body. */
record UpdateProfileRequest(
        @Schema(maxLength = 100, description = "left out or null: unchanged; \"\": cleared")
        @JsonProperty("first_name") @Nullable String firstName,
        @Schema(maxLength = 100, description = "left out or null: unchanged; \"\": cleared")
        @JsonProperty("last_name") @Nullable String lastName) {

    UpdateProfileCommand toCommand(UserId userId) {
        return new UpdateProfileCommand(userId, Optional.ofNullable(firstName), Optional.ofNullable(lastName));
    }
}
