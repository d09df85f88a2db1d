package io.latchkey.adapters.web;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** A six-digit code from the authenticator app. */
record CodeRequest(@Schema(description = "The current code of the authenticator app", example = "123456") @Nullable String code) {

    @Override
    public String toString() {
        return "CodeRequest[***]";
    }
}
