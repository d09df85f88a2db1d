package io.latchkey.adapters.web;

import io.latchkey.application.usecase.LoginCommand;
import io.latchkey.domain.model.session.ClientInfo;
import org.jspecify.annotations.Nullable;

/** {@code POST /api/v1/auth/login} body. */
record LoginRequest(@Nullable String email, @Nullable String password) {

    LoginCommand toCommand(ClientInfo client, @Nullable String deviceToken) {
        return new LoginCommand(email, password, client, deviceToken);
    }

    @Override
    public String toString() {
        return "LoginRequest[email=" + email + "]";
    }
}
