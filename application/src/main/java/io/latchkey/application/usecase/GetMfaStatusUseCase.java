package io.latchkey.application.usecase;

import io.latchkey.domain.model.user.UserId;
import reactor.core.publisher.Mono;

/** The caller's second factors. */
public interface GetMfaStatusUseCase {

    Mono<MfaStatus> status(UserId userId);
}
