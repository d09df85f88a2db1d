package io.latchkey.adapters.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.latchkey.application.usecase.ConfirmPasswordResetCommand;
import org.jspecify.annotations.Nullable;

/** {@code POST /api/v1/password-reset/confirm} body. */
record ConfirmResetRequest(@Nullable String token, @JsonProperty("new_password") @Nullable String newPassword) {

    ConfirmPasswordResetCommand toCommand(@Nullable String clientIp) {
        return new ConfirmPasswordResetCommand(token, newPassword, clientIp);
    }

    @Override
    public String toString() {
        return "ConfirmResetRequest[***]";
    }
}
