package io.latchkey.adapters.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.latchkey.application.usecase.CompleteMfaChallengeCommand;
import io.latchkey.domain.model.session.ClientInfo;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * Completes a login that answered {@code mfa_required}: the MFA token and exactly one of code, recovery_code or
 * passkey (an assertion answering POST /api/v1/auth/mfa/passkey-options).
 */
record MfaCompletionRequest(
        @JsonProperty("mfa_token") @Schema(description = "The mfa_token of the mfa-required answer") @Nullable String mfaToken,
        @Schema(description = "The six-digit code of the authenticator app", example = "123456") @Nullable String code,
        @JsonProperty("recovery_code") @Schema(description = "An unused recovery code, instead of code",
                example = "abcde-fghjk") @Nullable String recoveryCode,
        @Schema(description = "A passkey assertion (credential.toJSON()) answering POST /api/v1/auth/mfa/passkey-options, "
                + "instead of code") @Nullable PasskeyCredentialJson passkey) {

    CompleteMfaChallengeCommand toCommand(ClientInfo client) {
        return new CompleteMfaChallengeCommand(mfaToken, code, recoveryCode,
                passkey == null ? null : passkey.toAssertion("passkey"), client);
    }

    @Override
    public String toString() {
        return "MfaCompletionRequest[***]";
    }
}
