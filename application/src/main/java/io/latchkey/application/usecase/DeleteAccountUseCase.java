package io.latchkey.application.usecase;

import reactor.core.publisher.Mono;

/** Deletes the caller's own account after checking its password. */
public interface DeleteAccountUseCase {

    Mono<Void> delete(DeleteAccountCommand command);
}
