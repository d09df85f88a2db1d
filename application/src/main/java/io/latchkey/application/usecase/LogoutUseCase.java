package io.latchkey.application.usecase;

import reactor.core.publisher.Mono;

/** Ends the caller's current session: its access and refresh tokens stop working at once. */
public interface LogoutUseCase {

    Mono<Void> logout(LogoutCommand command);
}
