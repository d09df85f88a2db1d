package io.latchkey.application.usecase;

import io.latchkey.domain.model.token.TokenPair;
import reactor.core.publisher.Mono;

/** Native apps: an ID token their provider SDK obtained, for a federated session's token pair. */
public interface SignInWithIdTokenUseCase {

    Mono<TokenPair> signIn(SignInWithIdTokenCommand command);
}
