package io.latchkey.application.usecase;

import reactor.core.publisher.Mono;

/** An administrator disables an account (its tokens stop working at once) or enables it again. */
public interface SetUserStatusUseCase {

    Mono<Void> set(SetUserStatusCommand command);
}
