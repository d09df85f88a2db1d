package io.latchkey.application.service;

import io.latchkey.domain.model.auth.AuthSnapshot;
import io.latchkey.domain.model.session.Session;
import io.latchkey.domain.model.user.User;
import io.latchkey.domain.port.UserAuthCache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Write-through of a fresh session into the per-user cache. Best effort: PostgreSQL holds the record and
 * the request path refills on a miss, so a Redis outage must not fail a login or refresh.
 */
final class SessionCacheWriter {

    private static final Logger log = LoggerFactory.getLogger(SessionCacheWriter.class);

    private final UserAuthCache cache;

    SessionCacheWriter(UserAuthCache cache) {
        this.cache = cache;
    }

    /** Read before the transaction, so a purge that lands in between voids the later write. */
    Mono<Long> generationBeforeWrite(User user) {
        return cache.generation(user.id()).onErrorResume(e -> {
            log.warn("auth cache unavailable; session will be cached on first use: {}", e.toString());
            return Mono.just(UNKNOWN_GENERATION);
        });
    }

    Mono<Void> write(User user, Session session, long generation) {
        if (generation == UNKNOWN_GENERATION) {
            return Mono.empty();
        }
        AuthSnapshot snapshot = new AuthSnapshot(user.id(), session.id(), user.roles(), user.emailVerified(),
                user.authEpoch(), session.absoluteExpiresAt());
        return cache.putSession(snapshot, generation).onErrorResume(e -> {
            log.warn("auth cache write failed; session will be cached on first use: {}", e.toString());
            return Mono.empty();
        });
    }

    static final long UNKNOWN_GENERATION = -1;
}
