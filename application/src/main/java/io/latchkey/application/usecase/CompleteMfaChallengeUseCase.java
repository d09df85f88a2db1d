package io.latchkey.application.usecase;

import reactor.core.publisher.Mono;

/** Completes a sign-in that waits for its second factor, once; then the session's tokens. */
public interface CompleteMfaChallengeUseCase {

    Mono<LoginResult> complete(CompleteMfaChallengeCommand command);
}
