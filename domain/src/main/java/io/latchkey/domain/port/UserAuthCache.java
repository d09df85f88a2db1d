package io.latchkey.domain.port;

import io.latchkey.domain.model.auth.AuthSnapshot;
import io.latchkey.domain.model.session.SessionId;
import io.latchkey.domain.model.user.UserId;
import io.latchkey.domain.model.user.UserProfile;
import reactor.core.publisher.Mono;

/**
 * The per-user auth cache. Every purge raises the user's cache generation; a fill carries the generation
 * read before the record was loaded and is dropped if a purge happened since, so a refill racing a
 * revocation cannot resurrect it.
 */
public interface UserAuthCache {

    /** The user's current cache generation; read it before loading what you are about to cache. */
    Mono<Long> generation(UserId userId);

    Mono<AuthSnapshot> findSession(UserId userId, SessionId sessionId);

    Mono<Void> putSession(AuthSnapshot snapshot, long expectedGeneration);

    Mono<UserProfile> findProfile(UserId userId);

    Mono<Void> putProfile(UserProfile profile, long expectedGeneration);

    Mono<Void> evictSession(UserId userId, SessionId sessionId);

    Mono<Void> evictUser(UserId userId);
}
