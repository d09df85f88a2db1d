package io.latchkey.application.usecase;

import io.latchkey.domain.model.passkey.Passkey;
import io.latchkey.domain.model.user.UserId;
import reactor.core.publisher.Flux;

/** The caller's passkeys. */
public interface ListPasskeysUseCase {

    Flux<Passkey> list(UserId userId);
}
