package io.latchkey.application.usecase;

import io.latchkey.domain.model.token.TokenPair;
import java.util.Objects;

/** A new session's tokens, and the device token the client keeps to be known at its next login. */
public record LoginResult(TokenPair tokens, String deviceToken) {

    public LoginResult {
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(deviceToken, "deviceToken");
    }

    @Override
    public String toString() {
        return "LoginResult[***]";
    }
}
