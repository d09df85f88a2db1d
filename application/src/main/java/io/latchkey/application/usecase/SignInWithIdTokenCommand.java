package io.latchkey.application.usecase;

import io.latchkey.domain.model.session.ClientInfo;
import org.jspecify.annotations.Nullable;

public record SignInWithIdTokenCommand(String provider, @Nullable String idToken, @Nullable String nonce,
        ClientInfo client) {
}
