package io.latchkey.application.usecase;

import reactor.core.publisher.Mono;

/** Removes one of the caller's passkeys (step-up). */
public interface RemovePasskeyUseCase {

    Mono<Void> remove(RemovePasskeyCommand command);
}
