package io.latchkey.application.usecase;

import reactor.core.publisher.Mono;

/** Sets a new password with a reset token and ends every session of the account. */
public interface ConfirmPasswordResetUseCase {

    Mono<Void> confirm(ConfirmPasswordResetCommand command);
}
