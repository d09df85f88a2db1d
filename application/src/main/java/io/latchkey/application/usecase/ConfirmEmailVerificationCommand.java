package io.latchkey.application.usecase;

import org.jspecify.annotations.Nullable;

/** An address and the code mailed to it. */
public record ConfirmEmailVerificationCommand(@Nullable String email, @Nullable String code, @Nullable String clientIp) {

    @Override
    public String toString() {
        return "ConfirmEmailVerificationCommand[email=" + email + "]";
    }
}
