package io.latchkey.domain.testfixtures;

import io.latchkey.domain.model.auth.AuthSnapshot;
import io.latchkey.domain.model.session.SessionId;
import io.latchkey.domain.model.user.UserId;
import io.latchkey.domain.model.user.UserProfile;
import io.latchkey.domain.port.NearAuthCache;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;

/** The near-cache contract without expiry. */
public final class InMemoryNearAuthCache implements NearAuthCache {

    private final Map<UserId, Long> generations = new ConcurrentHashMap<>();
    private final Map<SessionId, AuthSnapshot> sessions = new ConcurrentHashMap<>();
    private final Map<UserId, UserProfile> profiles = new ConcurrentHashMap<>();
    private final AtomicInteger hits = new AtomicInteger();
    private final Map<SessionId, Instant> revoked = new ConcurrentHashMap<>();
    private volatile long epoch;

    @Override
    public long generation(UserId userId) {
        return generations.getOrDefault(userId, 0L) + epoch;
    }

    @Override
    public synchronized Mono<Void> evictAll() {
        epoch++;
        sessions.clear();
        profiles.clear();
        return Mono.empty();
    }

    @Override
    public Mono<AuthSnapshot> findSession(UserId userId, SessionId sessionId) {
        return Mono.justOrEmpty(sessions.get(sessionId)).filter(s -> s.userId().equals(userId))
                .doOnNext(hit -> hits.incrementAndGet());
    }

    @Override
    public synchronized Mono<Void> putSession(AuthSnapshot snapshot, long expectedGeneration) {
        if (generation(snapshot.userId()) == expectedGeneration) {
            sessions.put(snapshot.sessionId(), snapshot);
        }
        return Mono.empty();
    }

    @Override
    public Mono<UserProfile> findProfile(UserId userId) {
        return Mono.justOrEmpty(profiles.get(userId));
    }

    @Override
    public synchronized Mono<Void> putProfile(UserProfile profile, long expectedGeneration) {
        if (generation(profile.id()) == expectedGeneration) {
            profiles.put(profile.id(), profile);
        }
        return Mono.empty();
    }

    @Override
    public synchronized Mono<Void> evictSession(UserId userId, SessionId sessionId) {
        sessions.remove(sessionId);
        generations.merge(userId, 1L, Long::sum);
        return Mono.empty();
    }

    @Override
    public synchronized Mono<Void> evictUser(UserId userId) {
        sessions.values().removeIf(s -> s.userId().equals(userId));
        profiles.remove(userId);
        generations.merge(userId, 1L, Long::sum);
        return Mono.empty();
    }

    public int hits() {
        return hits.get();
    }

    public boolean holds(SessionId sessionId) {
        return sessions.containsKey(sessionId);
    }

    @Override
    public void rememberRevoked(Collection<SessionId> sessionIds, Instant accessTokensValidUntil) {
        sessionIds.forEach(id -> revoked.merge(id, accessTokensValidUntil, (a, b) -> a.isAfter(b) ? a : b));
    }

    /** Without expiry: a remembered session stays revoked (expiry is the Caffeine adapter's, tested there). */
    @Override
    public boolean isRevoked(SessionId sessionId) {
        return revoked.containsKey(sessionId);
    }

    /** Until when the session is remembered as revoked; null when it is not. */
    public Instant rememberedUntil(SessionId sessionId) {
        return revoked.get(sessionId);
    }

    private volatile boolean remembersEveryRevocation = true;

    /** Simulates a memory that had to forget a revocation for room (the Caffeine adapter's bound, tested there). */
    public void forgetSomeRevocation(boolean forgot) {
        this.remembersEveryRevocation = !forgot;
    }

    @Override
    public boolean remembersEveryRevocation() {
        return remembersEveryRevocation;
    }

    /** Loaded from the start: the loading itself is tested with the services that load. */
    @Override
    public void revocationsLoaded() {
    }
}
