package io.latchkey.application.usecase;

import java.net.URI;
import reactor.core.publisher.Mono;

/**
 * Handles the provider's return: the app redirect URI carrying a one-time code, or {@code error=}. Fails (no
 * redirect at all) when the {@code state} is unknown, expired or already used, since then no app URI is trusted.
 */
public interface CompleteFederatedSignInUseCase {

    Mono<URI> complete(CompleteFederatedSignInCommand command);
}
