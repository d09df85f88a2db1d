package io.latchkey.application.usecase;

import reactor.core.publisher.Mono;

/**
 * Creates an account from an email and password and mails it a verification code. Answers the same whether
 * or not the address already has an account, so registration cannot be used to find accounts.
 */
public interface RegisterAccountUseCase {

    Mono<Void> register(RegisterAccountCommand command);
}
