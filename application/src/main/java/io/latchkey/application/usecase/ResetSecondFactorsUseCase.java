package io.latchkey.application.usecase;

import reactor.core.publisher.Mono;

/** Removes every second factor of a user (who is told by mail), e.g. after a lost phone. */
public interface ResetSecondFactorsUseCase {

    Mono<Void> reset(ResetSecondFactorsCommand command);
}
