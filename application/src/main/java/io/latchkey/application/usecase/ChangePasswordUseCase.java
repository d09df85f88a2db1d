package io.latchkey.application.usecase;

import reactor.core.publisher.Mono;

/** Changes the caller's password after checking the current one. */
public interface ChangePasswordUseCase {

    Mono<Void> change(ChangePasswordCommand command);
}
