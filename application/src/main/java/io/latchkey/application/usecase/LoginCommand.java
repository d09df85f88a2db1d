package io.latchkey.application.usecase;

import io.latchkey.domain.model.session.ClientInfo;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Login input as received; the client info feeds the device list, and the device token (from the device cookie,
 * if the client has one) tells a device that logged in to this address before.
 */
public record LoginCommand(@Nullable String email, @Nullable String password, ClientInfo client,
        @Nullable String deviceToken) {

    public LoginCommand {
        Objects.requireNonNull(client, "client");
    }

    /** A login from a client that shows no device token. */
    public LoginCommand(@Nullable String email, @Nullable String password, ClientInfo client) {
        this(email, password, client, null);
    }

    @Override
    public String toString() {
        return "LoginCommand[email=" + email + "]";
    }
}
