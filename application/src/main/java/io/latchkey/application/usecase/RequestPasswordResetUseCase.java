package io.latchkey.application.usecase;

import reactor.core.publisher.Mono;

/** Mails a single-use reset token to an account; answers the same whether or not it exists. */
public interface RequestPasswordResetUseCase {

    Mono<Void> request(RequestPasswordResetCommand command);
}
