package io.latchkey.application.usecase;

import reactor.core.publisher.Mono;

/** Checks a verification code and marks the account's email verified. */
public interface ConfirmEmailVerificationUseCase {

    Mono<Void> confirm(ConfirmEmailVerificationCommand command);
}
