package io.latchkey.application.usecase;

import io.latchkey.domain.model.passkey.PasskeyOptions;
import reactor.core.publisher.Mono;

/** The options for {@code navigator.credentials.create()} that add a passkey to the caller's account (step-up). */
public interface StartPasskeyRegistrationUseCase {

    Mono<PasskeyOptions> start(PasskeyCallerCommand command);
}
