package io.latchkey.adapters.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.latchkey.application.usecase.RegisterAccountCommand;
import org.jspecify.annotations.Nullable;

/** {@code POST /api/v1/accounts} body. */
record RegisterRequest(
        @Nullable String email,
        @Nullable String password,
        @JsonProperty("first_name") @Nullable String firstName,
        @JsonProperty("last_name") @Nullable String lastName) {

    RegisterAccountCommand toCommand(@Nullable String clientIp) {
        return new RegisterAccountCommand(email, password, firstName, lastName, clientIp);
    }

    @Override
    public String toString() {
        return "RegisterRequest[email=" + email + "]";
    }
}
