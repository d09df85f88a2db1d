package io.latchkey.adapters.web;

import io.latchkey.application.usecase.ConfirmEmailVerificationCommand;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** {@code POST /api/v1/accounts/email-verification/confirm} body. */
record ConfirmVerificationRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "email", maxLength = 254,
                example = "ada@example.com") @Nullable String email,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, pattern = "^[0-9]{6}$", example = "123456") @Nullable String code) {

    ConfirmEmailVerificationCommand toCommand(@Nullable String clientIp) {
        return new ConfirmEmailVerificationCommand(email, code, clientIp);
    }

    @Override
    public String toString() {
        return "ConfirmVerificationRequest[email=" + email + "]";
    }
}
