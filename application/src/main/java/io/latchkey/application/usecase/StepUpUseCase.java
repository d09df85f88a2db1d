package io.latchkey.application.usecase;

import io.latchkey.domain.model.token.AccessToken;
import reactor.core.publisher.Mono;

/** Re-authenticates the caller within the current session; a new access token carries the new amr and auth_time. */
public interface StepUpUseCase {

    Mono<AccessToken> stepUp(StepUpCommand command);
}
