package io.latchkey.application.usecase;

import org.jspecify.annotations.Nullable;

/** The token a service asks about. */
public record IntrospectTokenCommand(@Nullable String token) {

    @Override
    public String toString() {
        return "IntrospectTokenCommand[***]";
    }
}
