package io.latchkey.application.usecase;

import reactor.core.publisher.Mono;

/** Removes the caller's TOTP factor and recovery codes (needs a step-up with the second factor). */
public interface DisableTotpUseCase {

    Mono<Void> disable(MfaCallerCommand command);
}
