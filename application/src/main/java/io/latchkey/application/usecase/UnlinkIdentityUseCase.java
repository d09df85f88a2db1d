package io.latchkey.application.usecase;

import reactor.core.publisher.Mono;

/** Removes a provider's identity from the caller's account, unless it is the account's last way to log in. */
public interface UnlinkIdentityUseCase {

    Mono<Void> unlink(UnlinkIdentityCommand command);
}
