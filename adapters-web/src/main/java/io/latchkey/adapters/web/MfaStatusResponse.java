package io.latchkey.adapters.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.latchkey.application.usecase.MfaStatus;
import io.swagger.v3.oas.annotations.media.Schema;

/** The caller's second factors. */
record MfaStatusResponse(
        @Schema(description = "TOTP state", allowableValues = {"none", "pending", "active"}) String totp,
        @JsonProperty("recovery_codes_remaining") @Schema(description = "Unused recovery codes") int recoveryCodesRemaining) {

    static MfaStatusResponse from(MfaStatus status) {
        return new MfaStatusResponse(status.totp(), status.recoveryCodesRemaining());
    }
}
