package io.latchkey.adapters.web;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** The current password, confirming a destructive request. */
record PasswordConfirmation(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "password") @Nullable String password) {

    @Override
    public String toString() {
        return "PasswordConfirmation[***]";
    }
}
