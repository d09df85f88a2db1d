package io.latchkey.adapters.web;

import org.jspecify.annotations.Nullable;

/** {@code POST /api/v1/auth/verify} body. */
record VerifyRequest(@Nullable String token) {

    @Override
    public String toString() {
        return "VerifyRequest[***]";
    }
}
