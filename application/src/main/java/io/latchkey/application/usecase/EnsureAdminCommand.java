package io.latchkey.application.usecase;

import org.jspecify.annotations.Nullable;

/** The first administrator's email and initial password, from configuration. */
public record EnsureAdminCommand(@Nullable String email, @Nullable String password) {

    @Override
    public String toString() {
        return "EnsureAdminCommand[email=" + email + "]";
    }
}
