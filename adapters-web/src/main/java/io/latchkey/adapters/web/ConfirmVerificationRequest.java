package io.latchkey.adapters.web;

import io.latchkey.application.usecase.ConfirmEmailVerificationCommand;
import org.jspecify.annotations.Nullable;

/** {@code POST /api/v1/accounts/email-verification/confirm} body. */
record ConfirmVerificationRequest(@Nullable String email, @Nullable String code) {

    ConfirmEmailVerificationCommand toCommand(@Nullable String clientIp) {
        return new ConfirmEmailVerificationCommand(email, code, clientIp);
    }

    @Override
    public String toString() {
        return "ConfirmVerificationRequest[email=" + email + "]";
    }
}
