package io.latchkey.adapters.web;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** {@code POST /api/v1/auth/verify} body. */
record VerifyRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "an access token") @Nullable String token) {

    @Override
    public String toString() {
        return "VerifyRequest[***]";
    }
}
