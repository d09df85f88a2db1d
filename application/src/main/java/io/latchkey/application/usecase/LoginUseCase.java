package io.latchkey.application.usecase;

import reactor.core.publisher.Mono;

/** Exchanges an email and password for a new session's token pair and the client's device token. */
public interface LoginUseCase {

    Mono<LoginResult> login(LoginCommand command);
}
