package io.latchkey.application.usecase;

import org.jspecify.annotations.Nullable;

/** Raw registration input; validated by the use case, which reports every bad field at once. */
public record RegisterAccountCommand(
        @Nullable String email, @Nullable String password, @Nullable String firstName, @Nullable String lastName,
        @Nullable String clientIp) {

    @Override
    public String toString() {
        return "RegisterAccountCommand[email=" + email + "]";
    }
}
