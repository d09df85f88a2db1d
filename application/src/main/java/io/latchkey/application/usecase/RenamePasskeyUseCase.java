package io.latchkey.application.usecase;

import io.latchkey.domain.model.passkey.Passkey;
import reactor.core.publisher.Mono;

/** Renames one of the caller's passkeys. */
public interface RenamePasskeyUseCase {

    Mono<Passkey> rename(RenamePasskeyCommand command);
}
