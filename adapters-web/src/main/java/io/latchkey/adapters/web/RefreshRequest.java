package io.latchkey.adapters.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** {@code POST /api/v1/auth/refresh} body (optional in cookie mode). */
record RefreshRequest(
        @Schema(description = "required, except in cookie mode where the refresh cookie and X-CSRF-Token carry it")
        @JsonProperty("refresh_token") @Nullable String refreshToken) {

    @Override
    public String toString() {
        return "RefreshRequest[***]";
    }
}
