package io.latchkey.adapters.web;

import io.latchkey.application.usecase.LoginCommand;
import io.latchkey.domain.model.session.ClientInfo;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** {@code POST /api/v1/auth/login} body. */
record LoginRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "email", maxLength = 254,
                example = "ada@example.com") @Nullable String email,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "password", minLength = 1) @Nullable String password) {

    LoginCommand toCommand(ClientInfo client, @Nullable String deviceToken) {
        return new LoginCommand(email, password, client, deviceToken);
    }

    @Override
    public String toString() {
        return "LoginRequest[email=" + email + "]";
    }
}
