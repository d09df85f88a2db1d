package io.latchkey.application.usecase;

import org.jspecify.annotations.Nullable;

/** The refresh token as the client sent it (body or cookie), and the client's address for the failure limit. */
public record RefreshTokensCommand(@Nullable String refreshToken, @Nullable String clientIp) {

    @Override
    public String toString() {
        return "RefreshTokensCommand[***]";
    }
}
