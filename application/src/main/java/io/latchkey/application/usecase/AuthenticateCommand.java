package io.latchkey.application.usecase;

import java.util.Objects;

/** The encoded bearer token of a request. */
public record AuthenticateCommand(String accessToken) {

    public AuthenticateCommand {
        Objects.requireNonNull(accessToken, "accessToken");
    }

    @Override
    public String toString() {
        return "AuthenticateCommand[***]";
    }
}
