package io.latchkey.application.usecase;

import java.net.URI;
import reactor.core.publisher.Mono;

/** Starts a browser sign-in (or, for a logged-in user, a link) at an identity provider: where to send the browser. */
public interface StartFederatedSignInUseCase {

    Mono<URI> start(StartFederatedSignInCommand command);
}
