package io.latchkey.domain.testfixtures;

import io.latchkey.domain.error.DependencyUnavailableException;
import io.latchkey.domain.event.TokenRotated;
import io.latchkey.domain.model.auth.AuthSnapshot;
import io.latchkey.domain.model.session.PresentedRefreshToken;
import io.latchkey.domain.model.session.RecentRevocation;
import io.latchkey.domain.model.session.RevocationReason;
import io.latchkey.domain.model.session.Session;
import io.latchkey.domain.model.session.SessionAuthentication;
import io.latchkey.domain.model.session.SessionId;
import io.latchkey.domain.model.session.SessionStatus;
import io.latchkey.domain.model.token.RefreshTokenHash;
import io.latchkey.domain.model.user.UserId;
import io.latchkey.domain.port.OutboxWriter;
import io.latchkey.domain.port.SessionRepository;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Sessions and token hashes in maps; snapshots join the accounts of an {@link InMemoryUserRepository}; a rotation's
 * event goes to the given outbox writer, as the real repository writes it in the rotation's statement.
 */
public final class InMemorySessionRepository implements SessionRepository {

    private final Map<SessionId, Session> sessions = new ConcurrentHashMap<>();
    private final Map<RefreshTokenHash, TokenEntry> tokens = new ConcurrentHashMap<>();
    private final Map<SessionId, Instant> revokedAt = new ConcurrentHashMap<>();
    private final InMemoryUserRepository users;
    private final OutboxWriter outbox;
    private final InstantSource clock;
    private volatile boolean failing;

    private record TokenEntry(SessionId sessionId, long generation) {
    }

    public InMemorySessionRepository(InMemoryUserRepository users, OutboxWriter outbox, InstantSource clock) {
        this.users = users;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public Mono<Session> insert(Session session, RefreshTokenHash firstToken) {
        return guard(Mono.fromCallable(() -> {
            sessions.put(session.id(), session);
            tokens.put(firstToken, new TokenEntry(session.id(), session.generation()));
            return session;
        }));
    }

    @Override
    public Mono<PresentedRefreshToken> findByRefreshToken(RefreshTokenHash hash) {
        return guard(Mono.justOrEmpty(tokens.get(hash)).flatMap(entry -> {
            Session session = sessions.get(entry.sessionId());
            return users.findById(session.userId())
                    .map(owner -> new PresentedRefreshToken(session, entry.generation(), owner));
        }));
    }

    @Override
    public Mono<Session> findById(SessionId id) {
        return guard(Mono.justOrEmpty(sessions.get(id)));
    }

    @Override
    public Mono<Boolean> rotate(Session next, long expectedGeneration, RefreshTokenHash newToken, TokenRotated rotation) {
        return guard(Mono.fromCallable(() -> {
            synchronized (this) {
                Session current = sessions.get(next.id());
                if (current == null || current.status() != SessionStatus.ACTIVE || current.generation() != expectedGeneration) {
                    return false;
                }
                sessions.put(next.id(), next);
                tokens.put(newToken, new TokenEntry(next.id(), next.generation()));
                return true;
            }
        })).flatMap(rotated -> rotated ? outbox.write(rotation).thenReturn(true) : Mono.just(false));
    }

    @Override
    public Mono<Boolean> reauthenticate(SessionId id, SessionAuthentication authentication) {
        return guard(Mono.fromCallable(() -> {
            synchronized (this) {
                Session s = sessions.get(id);
                if (s == null || s.status() != SessionStatus.ACTIVE) {
                    return false;
                }
                sessions.put(id, new Session(s.id(), s.userId(), s.status(), s.generation(), s.createdAt(),
                        s.lastUsedAt(), s.rotatedAt(), s.idleExpiresAt(), s.absoluteExpiresAt(), s.client(),
                        s.revocationReason(), authentication));
                return true;
            }
        }));
    }

    @Override
    public Mono<Boolean> revoke(SessionId id, RevocationReason reason, Instant now) {
        return guard(Mono.fromCallable(() -> {
            synchronized (this) {
                Session current = sessions.get(id);
                if (current == null || current.status() != SessionStatus.ACTIVE) {
                    return false;
                }
                sessions.put(id, revoked(current, reason, now));
                return true;
            }
        }));
    }

    @Override
    public Mono<List<SessionId>> revokeAll(UserId userId, RevocationReason reason, Instant now) {
        return guard(Mono.fromCallable(() -> {
            synchronized (this) {
                List<SessionId> ids = new ArrayList<>();
                for (Session s : List.copyOf(sessions.values())) {
                    if (s.userId().equals(userId) && s.status() == SessionStatus.ACTIVE) {
                        sessions.put(s.id(), revoked(s, reason, now));
                        ids.add(s.id());
                    }
                }
                return ids;
            }
        }));
    }

    @Override
    public Mono<List<SessionId>> revokeAllExcept(UserId userId, SessionId keep, RevocationReason reason, Instant now) {
        return guard(Mono.fromCallable(() -> {
            synchronized (this) {
                List<SessionId> ids = new ArrayList<>();
                for (Session s : List.copyOf(sessions.values())) {
                    if (s.userId().equals(userId) && s.status() == SessionStatus.ACTIVE && !s.id().equals(keep)) {
                        sessions.put(s.id(), revoked(s, reason, now));
                        ids.add(s.id());
                    }
                }
                return ids;
            }
        }));
    }

    @Override
    public Flux<Session> findActive(UserId userId, Instant now) {
        return guard(Mono.just(1)).thenMany(Flux.fromStream(sessions.values().stream()
                .filter(s -> s.userId().equals(userId) && s.isUsableAt(now))
                .sorted(Comparator.comparing(Session::lastUsedAt).reversed())));
    }

    @Override
    public Mono<AuthSnapshot> findActiveSnapshot(SessionId sessionId) {
        return guard(Mono.justOrEmpty(sessions.get(sessionId))
                .filter(s -> s.status() == SessionStatus.ACTIVE && clock.instant().isBefore(s.absoluteExpiresAt()))
                .flatMap(s -> users.findById(s.userId())
                        .filter(u -> u.canAuthenticate())
                        .map(u -> new AuthSnapshot(u.id(), s.id(), u.roles(), u.emailVerified(), u.authEpoch(),
                                s.absoluteExpiresAt()))));
    }

    @Override
    public Flux<RecentRevocation> revokedSince(Instant since) {
        return guard(Mono.just(1)).thenMany(Flux.fromStream(revokedAt.entrySet().stream()
                .filter(e -> e.getValue().isAfter(since) && sessions.containsKey(e.getKey()))
                .map(e -> new RecentRevocation(e.getKey(), e.getValue()))));
    }

    @Override
    public Mono<Long> deleteEnded(Instant cutoff, int limit) {
        return guard(Mono.fromCallable(() -> {
            synchronized (this) {
                long deleted = 0;
                for (Session s : List.copyOf(sessions.values())) {
                    boolean ended = s.absoluteExpiresAt().isBefore(cutoff) || s.idleExpiresAt().isBefore(cutoff);
                    if (ended && deleted < limit) {
                        sessions.remove(s.id());
                        tokens.values().removeIf(t -> t.sessionId().equals(s.id()));
                        deleted++;
                    }
                }
                return deleted;
            }
        }));
    }

    /** Test hook: revoke behind the services' back, as another instance would. */
    public void revoke(SessionId id) {
        revoke(id, RevocationReason.ADMIN, clock.instant()).block();
    }

    public void failWith(boolean outage) {
        this.failing = outage;
    }

    public int count() {
        return sessions.size();
    }

    public long tokenCount(SessionId id) {
        return tokens.values().stream().filter(t -> t.sessionId().equals(id)).count();
    }

    private Session revoked(Session s, RevocationReason reason, Instant now) {
        revokedAt.put(s.id(), now);
        return new Session(s.id(), s.userId(), SessionStatus.REVOKED, s.generation(), s.createdAt(), s.lastUsedAt(),
                s.rotatedAt(), s.idleExpiresAt(), s.absoluteExpiresAt(), s.client(), reason, s.authentication());
    }

    private <T> Mono<T> guard(Mono<T> operation) {
        return Mono.defer(() -> failing
                ? Mono.error(new DependencyUnavailableException("postgresql", new IllegalStateException("simulated outage")))
                : operation);
    }
}
