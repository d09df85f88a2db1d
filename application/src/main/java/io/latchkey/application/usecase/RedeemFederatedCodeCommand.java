package io.latchkey.application.usecase;

import io.latchkey.domain.model.session.ClientInfo;
import org.jspecify.annotations.Nullable;

public record RedeemFederatedCodeCommand(@Nullable String code, @Nullable String codeVerifier, ClientInfo client) {
}
