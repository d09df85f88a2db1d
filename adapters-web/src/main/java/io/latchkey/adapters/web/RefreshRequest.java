package io.latchkey.adapters.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/** {@code POST /api/v1/auth/refresh} body (optional in cookie mode). */
record RefreshRequest(@JsonProperty("refresh_token") @Nullable String refreshToken) {

    @Override
    public String toString() {
        return "RefreshRequest[***]";
    }
}
