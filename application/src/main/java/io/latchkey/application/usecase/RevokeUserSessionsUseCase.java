package io.latchkey.application.usecase;

import reactor.core.publisher.Mono;

/** An administrator ends every session of an account. */
public interface RevokeUserSessionsUseCase {

    Mono<Void> revoke(RevokeUserSessionsCommand command);
}
