package io.latchkey.application.usecase;

import io.latchkey.domain.model.passkey.PasskeyOptions;
import reactor.core.publisher.Mono;

/** The options for {@code navigator.credentials.get()}, with a single-use challenge for the purpose asked. */
public interface StartPasskeyAssertionUseCase {

    Mono<PasskeyOptions> start(StartPasskeyAssertionCommand command);
}
