package io.latchkey.application.usecase;

import io.latchkey.domain.model.token.TokenPair;
import reactor.core.publisher.Mono;

/** Exchanges an email and password for a new session's token pair. */
public interface LoginUseCase {

    Mono<TokenPair> login(LoginCommand command);
}
