package io.latchkey.application.usecase;

import reactor.core.publisher.Mono;

/** Replaces the caller's recovery codes, voiding the old ones (needs a step-up with the second factor). */
public interface RegenerateRecoveryCodesUseCase {

    Mono<RecoveryCodes> regenerate(MfaCallerCommand command);
}
