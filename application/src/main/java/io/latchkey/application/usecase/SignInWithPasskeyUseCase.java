package io.latchkey.application.usecase;

import reactor.core.publisher.Mono;

/** Passwordless sign-in with a passkey that verified its user: the token pair, as a login answers. */
public interface SignInWithPasskeyUseCase {

    Mono<LoginResult> signIn(SignInWithPasskeyCommand command);
}
