package io.latchkey.application.usecase;

import io.latchkey.domain.model.auth.AuthenticatedCaller;
import reactor.core.publisher.Mono;

/**
 * Turns a bearer token into a principal: local signature and claim checks, then the session check
 * (near cache, Redis, PostgreSQL). Fails with an {@code AuthException}, 503-class when a store is down.
 */
public interface AuthenticateUseCase {

    Mono<AuthenticatedCaller> authenticate(AuthenticateCommand command);
}
