package io.latchkey.adapters.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.latchkey.application.usecase.StepUpCommand;
import io.latchkey.domain.model.session.SessionId;
import io.latchkey.domain.model.user.UserId;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * Re-authentication: the password (accounts without a second factor) or a code, recovery code or passkey assertion
 * (accounts with one; the assertion answers POST /api/v1/me/step-up/passkey-options).
 */
record StepUpRequest(
        @Schema(description = "The account's password; required when the account has no second factor") @Nullable String password,
        @Schema(description = "A TOTP code; required (or recovery_code) when the account has a second factor",
                example = "123456") @Nullable String code,
        @JsonProperty("recovery_code") @Schema(description = "An unused recovery code, instead of code") @Nullable String recoveryCode,
        @Schema(description = "A passkey assertion (credential.toJSON()) answering POST /api/v1/me/step-up/passkey-options, "
                + "instead of code") @Nullable PasskeyCredentialJson passkey) {

    StepUpCommand toCommand(UserId userId, SessionId sessionId) {
        return new StepUpCommand(userId, sessionId, password, code, recoveryCode,
                passkey == null ? null : passkey.toAssertion("passkey"));
    }

    @Override
    public String toString() {
        return "StepUpRequest[***]";
    }
}
