package io.latchkey.application.service;

import io.latchkey.application.usecase.ListSessionsCommand;
import io.latchkey.application.usecase.ListSessionsUseCase;
import io.latchkey.application.usecase.SessionSummary;
import io.latchkey.domain.model.session.Session;
import io.latchkey.domain.port.SessionRepository;
import java.time.InstantSource;
import java.util.List;
import reactor.core.publisher.Mono;

/** The device list: every active session with where it came from and when it was last used. */
public final class ListSessionsService implements ListSessionsUseCase {

    private final SessionRepository sessions;
    private final InstantSource clock;

    public ListSessionsService(SessionRepository sessions, InstantSource clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    @Override
    public Mono<List<SessionSummary>> listSessions(ListSessionsCommand command) {
        return sessions.findActive(command.userId(), clock.instant())
                .map(session -> summary(session, command))
                .collectList();
    }

    private static SessionSummary summary(Session session, ListSessionsCommand command) {
        return new SessionSummary(session.id(), session.createdAt(), session.lastUsedAt(), session.idleExpiresAt(),
                session.client(), session.id().equals(command.currentSessionId()));
    }
}
