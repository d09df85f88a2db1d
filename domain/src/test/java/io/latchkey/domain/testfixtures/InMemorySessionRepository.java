package io.latchkey.domain.testfixtures;

import io.latchkey.domain.model.auth.AuthSnapshot;
import io.latchkey.domain.model.session.PresentedRefreshToken;
import io.latchkey.domain.model.session.Session;
import io.latchkey.domain.model.session.SessionId;
import io.latchkey.domain.model.session.SessionStatus;
import io.latchkey.domain.model.token.RefreshTokenHash;
import io.latchkey.domain.port.SessionRepository;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;

/** Sessions and token hashes in maps; snapshots join the accounts of an {@link InMemoryUserRepository}. */
public final class InMemorySessionRepository implements SessionRepository {

    private final Map<SessionId, Session> sessions = new ConcurrentHashMap<>();
    private final Map<RefreshTokenHash, PresentedRefreshToken> tokens = new ConcurrentHashMap<>();
    private final InMemoryUserRepository users;
    private final InstantSource clock;
    private volatile boolean failing;

    public InMemorySessionRepository(InMemoryUserRepository users, InstantSource clock) {
        this.users = users;
        this.clock = clock;
    }

    @Override
    public Mono<Session> insert(Session session, RefreshTokenHash firstToken) {
        return Mono.fromCallable(() -> {
            sessions.put(session.id(), session);
            tokens.put(firstToken, new PresentedRefreshToken(session, session.generation()));
            return session;
        });
    }

    @Override
    public Mono<PresentedRefreshToken> findByRefreshToken(RefreshTokenHash hash) {
        return Mono.justOrEmpty(tokens.get(hash))
                .map(found -> new PresentedRefreshToken(sessions.get(found.session().id()), found.generation()));
    }

    @Override
    public Mono<AuthSnapshot> findActiveSnapshot(SessionId sessionId) {
        if (failing) {
            return Mono.error(new io.latchkey.domain.error.DependencyUnavailableException("postgresql",
                    new IllegalStateException("simulated outage")));
        }
        return Mono.justOrEmpty(sessions.get(sessionId))
                .filter(s -> s.status() == SessionStatus.ACTIVE && clock.instant().isBefore(s.absoluteExpiresAt()))
                .flatMap(s -> users.findById(s.userId())
                        .filter(u -> u.canAuthenticate())
                        .map(u -> new AuthSnapshot(u.id(), s.id(), u.roles(), u.emailVerified(), u.authEpoch(),
                                s.absoluteExpiresAt())));
    }

    public void revoke(SessionId id) {
        sessions.computeIfPresent(id, (key, s) -> new Session(s.id(), s.userId(), SessionStatus.REVOKED, s.generation(),
                s.createdAt(), s.lastUsedAt(), s.rotatedAt(), s.idleExpiresAt(), s.absoluteExpiresAt(), s.client(), null));
    }

    public void failWith(boolean outage) {
        this.failing = outage;
    }

    public int count() {
        return sessions.size();
    }
}
