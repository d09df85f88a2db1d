package io.latchkey.application.usecase;

import org.jspecify.annotations.Nullable;

/** The refresh token as the client sent it (body or cookie). */
public record RefreshTokensCommand(@Nullable String refreshToken) {

    @Override
    public String toString() {
        return "RefreshTokensCommand[***]";
    }
}
