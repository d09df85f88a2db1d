package io.latchkey.application.usecase;

import reactor.core.publisher.Mono;

/** Ends every session of the caller and invalidates every access token issued so far. */
public interface LogoutAllSessionsUseCase {

    Mono<Void> logoutAll(LogoutAllSessionsCommand command);
}
