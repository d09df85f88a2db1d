package io.latchkey.application.usecase;

import reactor.core.publisher.Mono;

/** Ends one of the caller's sessions, e.g. a lost phone, from another device. */
public interface RevokeSessionUseCase {

    Mono<Void> revokeSession(RevokeSessionCommand command);
}
