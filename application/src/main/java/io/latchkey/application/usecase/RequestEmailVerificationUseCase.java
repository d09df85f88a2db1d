package io.latchkey.application.usecase;

import reactor.core.publisher.Mono;

/** Mails a fresh verification code to an unverified account; answers the same whether or not it exists. */
public interface RequestEmailVerificationUseCase {

    Mono<Void> request(RequestEmailVerificationCommand command);
}
