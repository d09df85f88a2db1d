package io.latchkey.application.usecase;

import io.latchkey.domain.model.passkey.PasskeyAssertion;
import io.latchkey.domain.model.session.ClientInfo;
import java.util.Objects;

/** A passwordless sign-in: the browser's assertion with a discoverable credential. */
public record SignInWithPasskeyCommand(PasskeyAssertion assertion, ClientInfo client) {

    public SignInWithPasskeyCommand {
        Objects.requireNonNull(assertion, "assertion");
        Objects.requireNonNull(client, "client");
    }
}
