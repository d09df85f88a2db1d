package io.latchkey.application.usecase;

import io.latchkey.domain.model.passkey.Passkey;
import reactor.core.publisher.Mono;

/** Verifies a registration answer and stores the new passkey (step-up). */
public interface RegisterPasskeyUseCase {

    Mono<Passkey> register(RegisterPasskeyCommand command);
}
