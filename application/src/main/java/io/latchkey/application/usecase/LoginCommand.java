package io.latchkey.application.usecase;

import io.latchkey.domain.model.session.ClientInfo;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Login input as received; the client info feeds the device list. */
public record LoginCommand(@Nullable String email, @Nullable String password, ClientInfo client) {

    public LoginCommand {
        Objects.requireNonNull(client, "client");
    }

    @Override
    public String toString() {
        return "LoginCommand[email=" + email + "]";
    }
}
