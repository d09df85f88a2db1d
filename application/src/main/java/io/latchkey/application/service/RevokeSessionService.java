package io.latchkey.application.service;

import io.latchkey.application.usecase.RevokeSessionCommand;
import io.latchkey.application.usecase.RevokeSessionUseCase;
import io.latchkey.domain.error.SessionNotFoundException;
import io.latchkey.domain.port.SessionRepository;
import reactor.core.publisher.Mono;

/** Ends one session of the account named; another account's session is reported as not found. */
public final class RevokeSessionService implements RevokeSessionUseCase {

    private final SessionRepository sessions;
    private final SessionRevoker revoker;

    public RevokeSessionService(SessionRepository sessions, SessionRevoker revoker) {
        this.sessions = sessions;
        this.revoker = revoker;
    }

    @Override
    public Mono<Void> revokeSession(RevokeSessionCommand command) {
        return sessions.findById(command.sessionId())
                .filter(session -> session.userId().equals(command.userId()))
                .switchIfEmpty(Mono.error(SessionNotFoundException::new))
                .flatMap(session -> revoker.revokeOne(command.userId(), session.id(), command.reason()));
    }
}
