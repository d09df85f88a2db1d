package io.latchkey.adapters.redis;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.latchkey.domain.model.auth.AuthSnapshot;
import io.latchkey.domain.model.session.SessionId;
import io.latchkey.domain.model.user.UserId;
import io.latchkey.domain.model.user.UserProfile;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Mono;

/**
 * This instance's near cache: a bounded Caffeine map from session to snapshot, entries living at most a few
 * seconds (so a missed purge heals by itself), purged by this instance's revocations and by auth events. Copies of
 * PostgreSQL answers taken while Redis is down live in maps of their own with the shorter fallback lifetime.
 * Per-user purge counts make a fill racing a purge a no-op, as in Redis. It also remembers revoked sessions
 * ({@link RevokedSessions}) for as long as their access tokens live.
 */
public final class CaffeineNearAuthCache implements NearAuthCache {

    private final Cache<SessionId, AuthSnapshot> sessions;
    private final Cache<UserId, UserProfile> profiles;
    private final Cache<SessionId, AuthSnapshot> fallbackSessions;
    private final Cache<UserId, UserProfile> fallbackProfiles;
    private final Cache<UserId, AtomicLong> purgeCounts;
    private final Counter hits;
    private final Counter misses;
    private final RevokedSessions revoked;

    public CaffeineNearAuthCache(NearCacheSettings settings, RevokedSessions revoked, MeterRegistry meters) {
        this.revoked = revoked;
        this.sessions = Caffeine.newBuilder().maximumSize(settings.maxEntries()).expireAfterWrite(settings.ttl()).build();
        this.profiles = Caffeine.newBuilder().maximumSize(settings.maxEntries()).expireAfterWrite(settings.ttl()).build();
        this.fallbackSessions = Caffeine.newBuilder().maximumSize(settings.maxEntries())
                .expireAfterWrite(settings.fallbackTtl()).build();
        this.fallbackProfiles = Caffeine.newBuilder().maximumSize(settings.maxEntries())
                .expireAfterWrite(settings.fallbackTtl()).build();
        // Purge counts must outlive the entries they guard; an expired purge count restarts at a fresh value.
        this.purgeCounts = Caffeine.newBuilder().expireAfterAccess(settings.ttl().multipliedBy(4).plus(Duration.ofSeconds(1)))
                .build();
        this.hits = AuthCacheMetrics.lookups(meters, "near", "hit");
        this.misses = AuthCacheMetrics.lookups(meters, "near", "miss");
    }

    @Override
    public long purgeCount(UserId userId) {
        return purgeCountOf(userId).get();
    }

    @Override
    public Mono<Void> evictAll() {
        // Purge counts first: a fill between the two steps then finds its purge count moved and is dropped.
        purgeCounts.asMap().values().forEach(purgeCount -> {
            synchronized (purgeCount) {
                purgeCount.incrementAndGet();
            }
        });
        sessions.invalidateAll();
        profiles.invalidateAll();
        fallbackSessions.invalidateAll();
        fallbackProfiles.invalidateAll();
        return Mono.empty();
    }

    @Override
    public Mono<AuthSnapshot> findSession(UserId userId, SessionId sessionId) {
        AuthSnapshot snapshot = sessions.getIfPresent(sessionId);
        if (snapshot == null) {
            snapshot = fallbackSessions.getIfPresent(sessionId);
        }
        if (snapshot == null || !snapshot.userId().equals(userId)) {
            misses.increment();
            return Mono.empty();
        }
        hits.increment();
        return Mono.just(snapshot);
    }

    @Override
    public Mono<Void> putSession(AuthSnapshot snapshot, long expectedPurgeCount) {
        return putUnlessPurged(snapshot.userId(), expectedPurgeCount, () -> sessions.put(snapshot.sessionId(), snapshot));
    }

    @Override
    public Mono<Void> putFallbackSession(AuthSnapshot snapshot, long expectedPurgeCount) {
        return putUnlessPurged(snapshot.userId(), expectedPurgeCount,
                () -> fallbackSessions.put(snapshot.sessionId(), snapshot));
    }

    @Override
    public Mono<UserProfile> findProfile(UserId userId) {
        UserProfile profile = profiles.getIfPresent(userId);
        return Mono.justOrEmpty(profile != null ? profile : fallbackProfiles.getIfPresent(userId));
    }

    @Override
    public Mono<Void> putProfile(UserProfile profile, long expectedPurgeCount) {
        return putUnlessPurged(profile.id(), expectedPurgeCount, () -> profiles.put(profile.id(), profile));
    }

    @Override
    public Mono<Void> putFallbackProfile(UserProfile profile, long expectedPurgeCount) {
        return putUnlessPurged(profile.id(), expectedPurgeCount, () -> fallbackProfiles.put(profile.id(), profile));
    }

    private Mono<Void> putUnlessPurged(UserId userId, long expectedPurgeCount, Runnable put) {
        AtomicLong purgeCount = purgeCountOf(userId);
        synchronized (purgeCount) {
            if (purgeCount.get() == expectedPurgeCount) {
                put.run();
            }
        }
        return Mono.empty();
    }

    @Override
    public Mono<Void> evictSession(UserId userId, SessionId sessionId) {
        // Lazy, like every purge: a caller that assembles it and then decides against it (a ledger hit) purges nothing.
        return Mono.fromRunnable(() -> {
            AtomicLong purgeCount = purgeCountOf(userId);
            synchronized (purgeCount) {
                purgeCount.incrementAndGet();
                sessions.invalidate(sessionId);
                fallbackSessions.invalidate(sessionId);
            }
        });
    }

    @Override
    public Mono<Void> evictUser(UserId userId) {
        return Mono.fromRunnable(() -> {
            AtomicLong purgeCount = purgeCountOf(userId);
            synchronized (purgeCount) {
                purgeCount.incrementAndGet();
                sessions.asMap().values().removeIf(snapshot -> snapshot.userId().equals(userId));
                fallbackSessions.asMap().values().removeIf(snapshot -> snapshot.userId().equals(userId));
                profiles.invalidate(userId);
                fallbackProfiles.invalidate(userId);
            }
        });
    }

    @Override
    public void rememberRevoked(Collection<SessionId> sessionIds, Instant accessTokensValidUntil) {
        revoked.remember(sessionIds, accessTokensValidUntil);
    }

    @Override
    public boolean isRevoked(SessionId sessionId) {
        return revoked.contains(sessionId);
    }

    @Override
    public boolean remembersEveryRevocation() {
        return revoked.complete();
    }

    @Override
    public void revocationsLoaded() {
        revoked.loaded();
    }

    /** Whether this instance currently holds the session: what propagation measurements watch. */
    public boolean holds(SessionId sessionId) {
        return sessions.getIfPresent(sessionId) != null || fallbackSessions.getIfPresent(sessionId) != null;
    }

    private AtomicLong purgeCountOf(UserId userId) {
        // A fresh purge count starts from the clock, never from zero, so it cannot match a stale expectation.
        return purgeCounts.get(userId, key -> new AtomicLong(System.nanoTime()));
    }
}
