package io.latchkey.adapters.redis;

import io.latchkey.domain.model.auth.AuthSnapshot;
import io.latchkey.domain.model.auth.PurgeCount;
import io.latchkey.domain.model.session.SessionId;
import io.latchkey.domain.model.user.UserId;
import io.latchkey.domain.model.user.UserProfile;
import io.latchkey.domain.port.AuthCache;
import java.time.Instant;
import java.util.Collection;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The auth cache: this instance's near tier ({@link NearAuthCache}, seconds) in front of the shared Redis tier
 * ({@link RedisUserAuthCache}). A read tries the near tier, then Redis, and copies a Redis hit into the near tier under
 * the near purge count read before asking Redis. A fill lands in Redis first (a conditional script on the Redis purge
 * count) and in the near tier only if Redis took it, so a fill racing a purge is dropped in both tiers. A purge drops
 * this instance's copy at once, purges Redis, whose script announces it to every instance ({@link NearCachePurges}),
 * then drops this instance's copy again, so a read-through copy taken from Redis before its purge cannot outlive it
 * here; the per-instance auth-event consumer purges only the near tier.
 */
@Component
class TieredAuthCache implements AuthCache {

    private final NearAuthCache near;
    private final RedisUserAuthCache shared;

    TieredAuthCache(NearAuthCache near, RedisUserAuthCache shared) {
        this.near = near;
        this.shared = shared;
    }

    @Override
    public Mono<PurgeCount> purgeCount(UserId userId) {
        return Mono.defer(() -> {
            long local = near.purgeCount(userId);
            return shared.purgeCount(userId).map(count -> new PurgeCount(local, count));
        });
    }

    @Override
    public Mono<AuthSnapshot> findSession(UserId userId, SessionId sessionId) {
        return near.findSession(userId, sessionId).switchIfEmpty(Mono.defer(() -> {
            long local = near.purgeCount(userId);
            return shared.findSession(userId, sessionId)
                    .flatMap(snapshot -> near.putSession(snapshot, local).thenReturn(snapshot));
        }));
    }

    @Override
    public Mono<Void> putSession(AuthSnapshot snapshot, PurgeCount readBefore) {
        return shared.putSession(snapshot, readBefore.shared())
                .flatMap(stored -> stored ? near.putSession(snapshot, readBefore.local()) : Mono.empty());
    }

    @Override
    public Mono<UserProfile> findProfile(UserId userId) {
        return near.findProfile(userId).switchIfEmpty(Mono.defer(() -> {
            long local = near.purgeCount(userId);
            return shared.findProfile(userId).flatMap(profile -> near.putProfile(profile, local).thenReturn(profile));
        }));
    }

    @Override
    public Mono<Void> putProfile(UserProfile profile, PurgeCount readBefore) {
        return shared.putProfile(profile, readBefore.shared())
                .flatMap(stored -> stored ? near.putProfile(profile, readBefore.local()) : Mono.empty());
    }

    @Override
    public long localPurgeCount(UserId userId) {
        return near.purgeCount(userId);
    }

    @Override
    public Mono<Void> putSessionLocally(AuthSnapshot snapshot, long localReadBefore) {
        return near.putFallbackSession(snapshot, localReadBefore);
    }

    @Override
    public Mono<Void> putProfileLocally(UserProfile profile, long localReadBefore) {
        return near.putFallbackProfile(profile, localReadBefore);
    }

    @Override
    public Mono<Void> evictSession(UserId userId, SessionId sessionId) {
        return purgeBothTiers(() -> near.evictSession(userId, sessionId), () -> shared.evictSession(userId, sessionId));
    }

    @Override
    public Mono<Void> evictUser(UserId userId) {
        return purgeBothTiers(() -> near.evictUser(userId), () -> shared.evictUser(userId));
    }

    /**
     * Near, Redis, then near again: a read that missed the near tier and read Redis before the Redis purge may have
     * copied its answer into the near tier after the first near purge; the second one drops it, whether the Redis purge
     * succeeded or failed.
     */
    private static Mono<Void> purgeBothTiers(Supplier<Mono<Void>> nearPurge, Supplier<Mono<Void>> sharedPurge) {
        return Mono.defer(nearPurge)
                .then(Mono.defer(sharedPurge))
                .onErrorResume(failure -> Mono.defer(nearPurge).then(Mono.error(failure)))
                .then(Mono.defer(nearPurge));
    }

    @Override
    public Mono<Void> evictLocalSession(UserId userId, SessionId sessionId) {
        return near.evictSession(userId, sessionId);
    }

    @Override
    public Mono<Void> evictLocalUser(UserId userId) {
        return near.evictUser(userId);
    }

    @Override
    public void rememberRevoked(Collection<SessionId> sessionIds, Instant accessTokensValidUntil) {
        near.rememberRevoked(sessionIds, accessTokensValidUntil);
    }

    @Override
    public boolean isRevoked(SessionId sessionId) {
        return near.isRevoked(sessionId);
    }

    @Override
    public boolean remembersEveryRevocation() {
        return near.remembersEveryRevocation();
    }

    @Override
    public void revocationsLoaded() {
        near.revocationsLoaded();
    }
}
