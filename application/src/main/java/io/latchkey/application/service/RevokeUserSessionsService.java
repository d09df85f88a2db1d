package io.latchkey.application.service;

import io.latchkey.application.usecase.RevokeUserSessionsCommand;
import io.latchkey.application.usecase.RevokeUserSessionsUseCase;
import io.latchkey.domain.error.UserNotFoundException;
import io.latchkey.domain.model.session.RevocationReason;
import io.latchkey.domain.port.UserRepository;
import reactor.core.publisher.Mono;

/** An administrator ends every session of an account (reason {@code admin}); it may log in again. */
public final class RevokeUserSessionsService implements RevokeUserSessionsUseCase {

    private final UserRepository users;
    private final SessionRevoker revoker;

    public RevokeUserSessionsService(UserRepository users, SessionRevoker revoker) {
        this.users = users;
        this.revoker = revoker;
    }

    @Override
    public Mono<Void> revoke(RevokeUserSessionsCommand command) {
        return users.findById(command.userId())
                .switchIfEmpty(Mono.error(UserNotFoundException::new))
                .flatMap(user -> revoker.revokeAll(user.id(), RevocationReason.ADMIN));
    }
}
