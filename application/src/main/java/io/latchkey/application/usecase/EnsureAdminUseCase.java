package io.latchkey.application.usecase;

import reactor.core.publisher.Mono;

/** Makes sure the configured first administrator exists and has the ADMIN role. */
public interface EnsureAdminUseCase {

    Mono<Void> ensure(EnsureAdminCommand command);
}
