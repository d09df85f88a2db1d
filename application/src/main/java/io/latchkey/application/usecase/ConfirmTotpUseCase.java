package io.latchkey.application.usecase;

import reactor.core.publisher.Mono;

/** Activates the pending TOTP factor with one of its codes; answers the recovery codes, shown only now. */
public interface ConfirmTotpUseCase {

    Mono<RecoveryCodes> confirm(MfaCallerCommand command);
}
