package io.latchkey.application.usecase;

import reactor.core.publisher.Mono;

/** An administrator deletes an account. */
public interface DeleteUserUseCase {

    Mono<Void> delete(DeleteUserCommand command);
}
