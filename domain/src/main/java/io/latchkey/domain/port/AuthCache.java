package io.latchkey.domain.port;

import io.latchkey.domain.model.auth.AuthSnapshot;
import io.latchkey.domain.model.auth.PurgeCount;
import io.latchkey.domain.model.session.SessionId;
import io.latchkey.domain.model.user.UserId;
import io.latchkey.domain.model.user.UserProfile;
import java.time.Instant;
import java.util.Collection;
import reactor.core.publisher.Mono;

/**
 * The auth cache: what a live session check and a profile read need, kept out of the store of record. How it is
 * tiered (a per-instance near cache in front of a shared one) is the adapter's business; callers read, fill on a miss
 * and purge. Every purge raises the user's {@link PurgeCount}; a fill carries the count read before the record was
 * loaded and is dropped if a purge happened since, so a refill racing a revocation cannot resurrect it. A cache that
 * cannot answer fails with {@link io.latchkey.domain.error.AuthCacheUnavailableException}.
 */
public interface AuthCache {

    /** The user's purge count; read it before loading what you are about to cache. */
    Mono<PurgeCount> purgeCount(UserId userId);

    Mono<AuthSnapshot> findSession(UserId userId, SessionId sessionId);

    /** Caches the snapshot unless the user was purged since {@code readBefore} was read. */
    Mono<Void> putSession(AuthSnapshot snapshot, PurgeCount readBefore);

    Mono<UserProfile> findProfile(UserId userId);

    /** Caches the profile unless the user was purged since {@code readBefore} was read. */
    Mono<Void> putProfile(UserProfile profile, PurgeCount readBefore);

    /**
     * This instance's part of the purge count alone: read it before loading, from the store of record, an answer to
     * keep with {@link #putSessionLocally} or {@link #putProfileLocally}.
     */
    long localPurgeCount(UserId userId);

    /**
     * Keeps the snapshot in this instance's copy only, for the shorter lifetime of a fallback copy, unless the user was
     * purged here since {@code localReadBefore}: for an answer from the store of record while the shared tier is
     * unavailable (and cannot announce purges). A cache without a copy on the instance ignores it.
     */
    Mono<Void> putSessionLocally(AuthSnapshot snapshot, long localReadBefore);

    /** Keeps the profile in this instance's copy only, like {@link #putSessionLocally}. */
    Mono<Void> putProfileLocally(UserProfile profile, long localReadBefore);

    /** Drops the session everywhere: this instance at once, the shared cache, and (announced) every other instance. */
    Mono<Void> evictSession(UserId userId, SessionId sessionId);

    /** Drops the user's sessions and profile everywhere, like {@link #evictSession}. */
    Mono<Void> evictUser(UserId userId);

    /**
     * Drops the session from this instance's copy only: for an event every instance receives on its own, when the
     * shared cache is purged by someone else.
     */
    Mono<Void> evictLocalSession(UserId userId, SessionId sessionId);

    /** Drops the user from this instance's copy only, like {@link #evictLocalSession}. */
    Mono<Void> evictLocalUser(UserId userId);

    /**
     * Remembers sessions as revoked on this instance until the last access token they could have issued has expired.
     * Checked before any cached entry: a shared cache that missed their purge (unreachable when they were revoked, then
     * back with its data) cannot admit them again.
     */
    void rememberRevoked(Collection<SessionId> sessionIds, Instant accessTokensValidUntil);

    boolean isRevoked(SessionId sessionId);

    /**
     * False before the first {@link #revocationsLoaded()}, and while this memory had to forget, for room, a revoked
     * session whose access tokens may still be valid: then no cached entry can be trusted to have missed no purge, and
     * sessions must be checked in the store of record.
     */
    boolean remembersEveryRevocation();

    /**
     * The recent revocations in the record have been loaded into the memory. Until the first call the memory may miss
     * revocations made before this instance started, and {@link #remembersEveryRevocation()} is false.
     */
    void revocationsLoaded();
}
