package io.latchkey.domain.testfixtures;

import io.latchkey.domain.error.AuthCacheUnavailableException;
import io.latchkey.domain.model.auth.AuthSnapshot;
import io.latchkey.domain.model.auth.PurgeCount;
import io.latchkey.domain.model.session.SessionId;
import io.latchkey.domain.model.user.UserId;
import io.latchkey.domain.model.user.UserProfile;
import io.latchkey.domain.port.AuthCache;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import reactor.core.publisher.Mono;

/**
 * The auth-cache contract in memory, tiered like the real adapter: one instance's near copy in front of a shared tier
 * that several instances ({@link #anotherInstance()}) use together. A purge through {@link #evictSession} or
 * {@link #evictUser} purges this instance's near copy, the shared tier, which announces it to every instance (this one
 * included), and this instance's near copy again; with the shared tier down ({@link #simulateOutage}) only this
 * instance forgets. No expiry.
 */
public final class InMemoryAuthCache implements AuthCache {

    /** The tier every instance shares, with the instances that hear its purge announcements. */
    private static final class Shared {
        final Map<UserId, Long> purges = new ConcurrentHashMap<>();
        final Map<SessionId, AuthSnapshot> sessions = new ConcurrentHashMap<>();
        final Map<UserId, UserProfile> profiles = new ConcurrentHashMap<>();
        final List<InMemoryAuthCache> instances = new CopyOnWriteArrayList<>();
        final AtomicInteger sessionHits = new AtomicInteger();
        volatile boolean down;
    }

    private final Shared shared;
    private final Map<UserId, Long> localPurges = new ConcurrentHashMap<>();
    private final Map<SessionId, AuthSnapshot> sessions = new ConcurrentHashMap<>();
    private final Map<UserId, UserProfile> profiles = new ConcurrentHashMap<>();
    private final Map<SessionId, Instant> revoked = new ConcurrentHashMap<>();
    private final AtomicInteger nearHits = new AtomicInteger();
    private final AtomicInteger localPurgeCount = new AtomicInteger();
    private volatile boolean remembersEveryRevocation = true;

    public InMemoryAuthCache() {
        this(new Shared());
    }

    private InMemoryAuthCache(Shared shared) {
        this.shared = shared;
        shared.instances.add(this);
    }

    /** Another instance of the service: its own near copy and memory of revocations, the same shared tier. */
    public InMemoryAuthCache anotherInstance() {
        return new InMemoryAuthCache(shared);
    }

    @Override
    public Mono<PurgeCount> purgeCount(UserId userId) {
        return Mono.defer(() -> {
            long local = localPurges.getOrDefault(userId, 0L);
            return guard(() -> new PurgeCount(local, shared.purges.getOrDefault(userId, 0L)));
        });
    }

    @Override
    public Mono<AuthSnapshot> findSession(UserId userId, SessionId sessionId) {
        return Mono.defer(() -> {
            AuthSnapshot near = sessions.get(sessionId);
            if (near != null && near.userId().equals(userId)) {
                nearHits.incrementAndGet();
                return Mono.just(near);
            }
            long local = localPurges.getOrDefault(userId, 0L);
            return guard(() -> shared.sessions.get(sessionId))
                    .filter(s -> s.userId().equals(userId))
                    .doOnNext(hit -> {
                        shared.sessionHits.incrementAndGet();
                        putNear(hit.userId(), local, () -> sessions.put(hit.sessionId(), hit));
                    });
        });
    }

    @Override
    public Mono<Void> putSession(AuthSnapshot snapshot, PurgeCount readBefore) {
        return guard(() -> {
            synchronized (shared) {
                if (shared.purges.getOrDefault(snapshot.userId(), 0L) != readBefore.shared()) {
                    return false;
                }
                shared.sessions.put(snapshot.sessionId(), snapshot);
                return true;
            }
        }).filter(stored -> stored)
                .doOnNext(stored -> putNear(snapshot.userId(), readBefore.local(),
                        () -> sessions.put(snapshot.sessionId(), snapshot)))
                .then();
    }

    @Override
    public Mono<UserProfile> findProfile(UserId userId) {
        return Mono.defer(() -> {
            UserProfile near = profiles.get(userId);
            if (near != null) {
                return Mono.just(near);
            }
            long local = localPurges.getOrDefault(userId, 0L);
            return guard(() -> shared.profiles.get(userId))
                    .doOnNext(hit -> putNear(userId, local, () -> profiles.put(userId, hit)));
        });
    }

    @Override
    public Mono<Void> putProfile(UserProfile profile, PurgeCount readBefore) {
        return guard(() -> {
            synchronized (shared) {
                if (shared.purges.getOrDefault(profile.id(), 0L) != readBefore.shared()) {
                    return false;
                }
                shared.profiles.put(profile.id(), profile);
                return true;
            }
        }).filter(stored -> stored)
                .doOnNext(stored -> putNear(profile.id(), readBefore.local(), () -> profiles.put(profile.id(), profile)))
                .then();
    }

    @Override
    public long localPurgeCount(UserId userId) {
        return localPurges.getOrDefault(userId, 0L);
    }

    @Override
    public Mono<Void> putSessionLocally(AuthSnapshot snapshot, long localReadBefore) {
        return Mono.fromRunnable(
                () -> putNear(snapshot.userId(), localReadBefore, () -> sessions.put(snapshot.sessionId(), snapshot)));
    }

    @Override
    public Mono<Void> putProfileLocally(UserProfile profile, long localReadBefore) {
        return Mono.fromRunnable(() -> putNear(profile.id(), localReadBefore, () -> profiles.put(profile.id(), profile)));
    }

    @Override
    public Mono<Void> evictSession(UserId userId, SessionId sessionId) {
        return purgeBothTiers(evictLocalSession(userId, sessionId), sharedPurge(userId,
                s -> s.sessions.remove(sessionId), other -> other.dropSession(userId, sessionId)));
    }

    @Override
    public Mono<Void> evictUser(UserId userId) {
        return purgeBothTiers(evictLocalUser(userId), sharedPurge(userId, s -> {
            s.sessions.values().removeIf(snapshot -> snapshot.userId().equals(userId));
            s.profiles.remove(userId);
        }, other -> other.dropUser(userId)));
    }

    @Override
    public Mono<Void> evictLocalSession(UserId userId, SessionId sessionId) {
        return Mono.fromRunnable(() -> dropSession(userId, sessionId));
    }

    @Override
    public Mono<Void> evictLocalUser(UserId userId) {
        return Mono.fromRunnable(() -> dropUser(userId));
    }

    @Override
    public void rememberRevoked(Collection<SessionId> sessionIds, Instant accessTokensValidUntil) {
        sessionIds.forEach(id -> revoked.merge(id, accessTokensValidUntil, (a, b) -> a.isAfter(b) ? a : b));
    }

    /** Without expiry: a remembered session stays revoked (expiry is the adapter's, tested there). */
    @Override
    public boolean isRevoked(SessionId sessionId) {
        return revoked.containsKey(sessionId);
    }

    @Override
    public boolean remembersEveryRevocation() {
        return remembersEveryRevocation;
    }

    /** Loaded from the start: the loading itself is tested with the services that load. */
    @Override
    public void revocationsLoaded() {
    }

    /** Simulates a memory that had to forget a revocation for room (the adapter's bound, tested there). */
    public void forgetSomeRevocation(boolean forgot) {
        this.remembersEveryRevocation = !forgot;
    }

    /** Until when the session is remembered as revoked; null when it is not. */
    public Instant rememberedUntil(SessionId sessionId) {
        return revoked.get(sessionId);
    }

    /** Makes the shared tier fail every call (it keeps its data): reads, fills and purges. */
    public void simulateOutage(boolean outage) {
        shared.down = outage;
    }

    /** What the shared tier holds for the session, bypassing this instance's copy; ignores an outage. */
    public AuthSnapshot sharedSession(SessionId sessionId) {
        return shared.sessions.get(sessionId);
    }

    /** Whether this instance's near copy holds the session. */
    public boolean holdsLocally(SessionId sessionId) {
        return sessions.containsKey(sessionId);
    }

    public int nearHits() {
        return nearHits.get();
    }

    public int sharedSessionHits() {
        return shared.sessionHits.get();
    }

    /** How many purges (of a session or a user) this instance's near copy has taken, from whatever source. */
    public int localPurges() {
        return localPurgeCount.get();
    }

    private synchronized void putNear(UserId userId, long expectedLocal, Runnable put) {
        if (localPurges.getOrDefault(userId, 0L) == expectedLocal) {
            put.run();
        }
    }

    private synchronized void dropSession(UserId userId, SessionId sessionId) {
        sessions.remove(sessionId);
        localPurges.merge(userId, 1L, Long::sum);
        localPurgeCount.incrementAndGet();
    }

    private synchronized void dropUser(UserId userId) {
        sessions.values().removeIf(s -> s.userId().equals(userId));
        profiles.remove(userId);
        localPurges.merge(userId, 1L, Long::sum);
        localPurgeCount.incrementAndGet();
    }

    /** Like the adapter: the near copy, the shared tier, then the near copy again, also when the shared purge failed. */
    private static Mono<Void> purgeBothTiers(Mono<Void> nearPurge, Mono<Void> sharedPurge) {
        return nearPurge.then(sharedPurge).onErrorResume(failure -> nearPurge.then(Mono.error(failure))).then(nearPurge);
    }

    /** Purges the shared tier and announces it to every instance, this one included. */
    private Mono<Void> sharedPurge(UserId userId, Consumer<Shared> purge, Consumer<InMemoryAuthCache> announce) {
        return guard(() -> {
            synchronized (shared) {
                purge.accept(shared);
                shared.purges.merge(userId, 1L, Long::sum);
            }
            shared.instances.forEach(announce);
            return true;
        }).then();
    }

    private <T> Mono<T> guard(java.util.function.Supplier<T> operation) {
        return Mono.defer(() -> shared.down
                ? Mono.error(new AuthCacheUnavailableException(new IllegalStateException("simulated outage")))
                : Mono.justOrEmpty(operation.get()));
    }
}
