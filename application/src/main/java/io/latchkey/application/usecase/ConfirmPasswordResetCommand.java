package io.latchkey.application.usecase;

import org.jspecify.annotations.Nullable;

/** The token from the reset mail and the new password. */
public record ConfirmPasswordResetCommand(@Nullable String token, @Nullable String newPassword, @Nullable String clientIp) {

    @Override
    public String toString() {
        return "ConfirmPasswordResetCommand[***]";
    }
}
