package io.latchkey.domain.port;

import io.latchkey.domain.model.auth.AuthSnapshot;
import io.latchkey.domain.model.session.SessionId;
import io.latchkey.domain.model.user.UserId;
import io.latchkey.domain.model.user.UserProfile;
import java.time.Instant;
import java.util.Collection;
import reactor.core.publisher.Mono;

/**
 * A short-lived cache of auth snapshots (and profiles) in this instance's memory, in front of the shared cache. Same
 * generation rule as {@link UserAuthCache}: a fill is dropped if a purge for the user happened since the
 * caller read the generation.
 */
public interface NearAuthCache {

    long generation(UserId userId);

    /**
     * Drops everything and moves every generation on, so no fill under way lands: for when purge announcements may
     * have been missed (the subscription to them was re-established).
     */
    Mono<Void> evictAll();

    Mono<AuthSnapshot> findSession(UserId userId, SessionId sessionId);

    Mono<Void> putSession(AuthSnapshot snapshot, long expectedGeneration);

    Mono<UserProfile> findProfile(UserId userId);

    Mono<Void> putProfile(UserProfile profile, long expectedGeneration);

    Mono<Void> evictSession(UserId userId, SessionId sessionId);

    /** Drops the user's sessions and profile. */
    Mono<Void> evictUser(UserId userId);

    /**
     * Remembers sessions as revoked until the last access token they could have issued has expired. Checked before
     * any cache: a shared cache that missed their purge (unreachable when they were revoked, then back with its data)
     * cannot admit them again on this instance.
     */
    void rememberRevoked(Collection<SessionId> sessionIds, Instant accessTokensValidUntil);

    boolean isRevoked(SessionId sessionId);

    /**
     * False before the first {@link #revocationsLoaded()}, and while this memory had to forget, for room, a revoked
     * session whose access tokens may still be valid: then no cache can be trusted to have missed no purge, and
     * sessions must be checked in the store of record.
     */
    boolean remembersEveryRevocation();

    /**
     * The recent revocations in the record have been loaded into the memory. Until the first call the memory may miss
     * revocations made before this instance started, and {@link #remembersEveryRevocation()} is false.
     */
    void revocationsLoaded();
}
