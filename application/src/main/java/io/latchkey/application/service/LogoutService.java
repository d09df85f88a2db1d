package io.latchkey.application.service;

import io.latchkey.application.usecase.LogoutCommand;
import io.latchkey.application.usecase.LogoutUseCase;
import io.latchkey.domain.model.session.RevocationReason;
import reactor.core.publisher.Mono;

/** Ends the caller's current session. Idempotent: logging out of an ended session succeeds. */
public final class LogoutService implements LogoutUseCase {

    private final SessionRevoker revoker;

    public LogoutService(SessionRevoker revoker) {
        this.revoker = revoker;
    }

    @Override
    public Mono<Void> logout(LogoutCommand command) {
        return revoker.revokeOne(command.userId(), command.sessionId(), RevocationReason.LOGOUT);
    }
}
