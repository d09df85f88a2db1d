package io.latchkey.adapters.redis;

import io.latchkey.domain.model.auth.AuthSnapshot;
import io.latchkey.domain.model.session.SessionId;
import io.latchkey.domain.model.user.UserId;
import io.latchkey.domain.model.user.UserProfile;
import java.time.Instant;
import java.util.Collection;
import reactor.core.publisher.Mono;

/**
 * The near tier of {@link TieredAuthCache}: a short-lived copy of auth snapshots (and profiles) in this instance's
 * memory, with this instance's memory of revoked sessions. Same rule as the shared tier: every purge raises the user's
 * local purge count, and a fill is dropped if a purge for the user happened since the caller read it.
 */
public interface NearAuthCache {

    long purgeCount(UserId userId);

    /**
     * Drops everything and moves every purge count on, so no fill under way lands: for when purge announcements may
     * have been missed (the subscription to them was re-established).
     */
    Mono<Void> evictAll();

    Mono<AuthSnapshot> findSession(UserId userId, SessionId sessionId);

    Mono<Void> putSession(AuthSnapshot snapshot, long expectedPurgeCount);

    /**
     * Like {@link #putSession}, for a snapshot read from PostgreSQL while Redis is unavailable: kept for the shorter
     * fallback lifetime, since with Redis down no purge announcement can reach it, only this instance's auth events.
     */
    Mono<Void> putFallbackSession(AuthSnapshot snapshot, long expectedPurgeCount);

    Mono<UserProfile> findProfile(UserId userId);

    Mono<Void> putProfile(UserProfile profile, long expectedPurgeCount);

    /** Like {@link #putFallbackSession}, for a profile. */
    Mono<Void> putFallbackProfile(UserProfile profile, long expectedPurgeCount);

    Mono<Void> evictSession(UserId userId, SessionId sessionId);

    /** Drops the user's sessions and profile. */
    Mono<Void> evictUser(UserId userId);

    /** See {@link io.latchkey.domain.port.AuthCache#rememberRevoked}. */
    void rememberRevoked(Collection<SessionId> sessionIds, Instant accessTokensValidUntil);

    boolean isRevoked(SessionId sessionId);

    /** See {@link io.latchkey.domain.port.AuthCache#remembersEveryRevocation}. */
    boolean remembersEveryRevocation();

    void revocationsLoaded();
}
