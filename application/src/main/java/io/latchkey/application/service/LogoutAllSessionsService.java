package io.latchkey.application.service;

import io.latchkey.application.usecase.LogoutAllSessionsCommand;
import io.latchkey.application.usecase.LogoutAllSessionsUseCase;
import io.latchkey.domain.model.session.RevocationReason;
import reactor.core.publisher.Mono;

/** Ends every session of the caller and raises the account epoch. */
public final class LogoutAllSessionsService implements LogoutAllSessionsUseCase {

    private final SessionRevoker revoker;

    public LogoutAllSessionsService(SessionRevoker revoker) {
        this.revoker = revoker;
    }

    @Override
    public Mono<Void> logoutAll(LogoutAllSessionsCommand command) {
        return revoker.revokeAll(command.userId(), RevocationReason.LOGOUT_ALL);
    }
}
