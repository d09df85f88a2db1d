package io.latchkey.adapters.web;

import org.jspecify.annotations.Nullable;

/** The current password, confirming a destructive request. */
record PasswordConfirmation(@Nullable String password) {

    @Override
    public String toString() {
        return "PasswordConfirmation[***]";
    }
}
