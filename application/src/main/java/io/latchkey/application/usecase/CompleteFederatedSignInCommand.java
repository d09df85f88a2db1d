package io.latchkey.application.usecase;

import java.net.URI;
import org.jspecify.annotations.Nullable;

/** The provider's answer as it arrived on the callback: {@code code}, or {@code error}, and the {@code state}. */
public record CompleteFederatedSignInCommand(String provider, @Nullable String state, @Nullable String code,
        @Nullable String error, URI callback) {
}
