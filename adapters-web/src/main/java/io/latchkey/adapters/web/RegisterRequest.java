package io.latchkey.adapters.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.latchkey.application.usecase.RegisterAccountCommand;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** {@code POST /api/v1/accounts} body. */
record RegisterRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "email", maxLength = 254,
                example = "ada@example.com") @Nullable String email,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "password", minLength = 8, maxLength = 128,
                description = "8-128 characters (defaults of latchkey.password.min-length/max-length), not a common password")
        @Nullable String password,
        @Schema(maxLength = 100) @JsonProperty("first_name") @Nullable String firstName,
        @Schema(maxLength = 100) @JsonProperty("last_name") @Nullable String lastName) {

    RegisterAccountCommand toCommand(@Nullable String clientIp) {
        return new RegisterAccountCommand(email, password, firstName, lastName, clientIp);
    }

    @Override
    public String toString() {
        return "RegisterRequest[email=" + email + "]";
    }
}
