package io.latchkey.application.service;

import io.latchkey.domain.model.auth.AuthSnapshot;
import io.latchkey.domain.model.auth.PurgeCount;
import io.latchkey.domain.model.session.Session;
import io.latchkey.domain.model.user.User;
import io.latchkey.domain.port.AuthCache;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Write-through of a fresh session into the per-user cache. Best effort: PostgreSQL holds the record and
 * the request path refills on a miss, so a Redis outage must not fail a login or refresh.
 */
final class SessionCacheWriter {

    private static final Logger log = LoggerFactory.getLogger(SessionCacheWriter.class);

    private final AuthCache cache;

    SessionCacheWriter(AuthCache cache) {
        this.cache = cache;
    }

    /** Read before the transaction, so a purge that lands in between voids the later write. */
    Mono<Optional<PurgeCount>> purgeCountBeforeWrite(User user) {
        return cache.purgeCount(user.id()).map(Optional::of).onErrorResume(e -> {
            log.warn("auth cache unavailable; session will be cached on first use: {}", e.toString());
            return Mono.just(Optional.empty());
        });
    }

    /** Writes nothing when the purge count could not be read: the first use fills the cache instead. */
    Mono<Void> write(User user, Session session, Optional<PurgeCount> readBefore) {
        if (readBefore.isEmpty()) {
            return Mono.empty();
        }
        AuthSnapshot snapshot = new AuthSnapshot(user.id(), session.id(), user.roles(), user.emailVerified(),
                user.authEpoch(), session.absoluteExpiresAt());
        return cache.putSession(snapshot, readBefore.get()).onErrorResume(e -> {
            log.warn("auth cache write failed; session will be cached on first use: {}", e.toString());
            return Mono.empty();
        });
    }
}
