package io.latchkey.adapters.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** Asks for passkey options to complete a login that answered {@code mfa_required}. */
record MfaPasskeyOptionsRequest(
        @JsonProperty("mfa_token") @Schema(description = "The mfa_token of the mfa-required answer") @Nullable String mfaToken) {

    @Override
    public String toString() {
        return "MfaPasskeyOptionsRequest[***]";
    }
}
