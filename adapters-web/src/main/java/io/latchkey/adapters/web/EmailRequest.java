package io.latchkey.adapters.web;

import io.latchkey.application.usecase.RequestEmailVerificationCommand;
import io.latchkey.application.usecase.RequestPasswordResetCommand;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** A body holding just an email: resend a verification code, or ask for a password reset. */
record EmailRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "email", maxLength = 254,
                example = "ada@example.com") @Nullable String email) {

    RequestEmailVerificationCommand toVerificationCommand(@Nullable String clientIp) {
        return new RequestEmailVerificationCommand(email, clientIp);
    }

    RequestPasswordResetCommand toResetCommand(@Nullable String clientIp) {
        return new RequestPasswordResetCommand(email, clientIp);
    }
}
