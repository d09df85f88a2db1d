package io.latchkey.adapters.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.latchkey.application.usecase.ConfirmPasswordResetCommand;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** {@code POST /api/v1/password-reset/confirm} body. */
record ConfirmResetRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "the token from the reset mail") @Nullable String token,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "password", minLength = 8, maxLength = 128)
        @JsonProperty("new_password") @Nullable String newPassword) {

    ConfirmPasswordResetCommand toCommand(@Nullable String clientIp) {
        return new ConfirmPasswordResetCommand(token, newPassword, clientIp);
    }

    @Override
    public String toString() {
        return "ConfirmResetRequest[***]";
    }
}
