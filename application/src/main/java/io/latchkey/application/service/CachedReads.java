package io.latchkey.application.service;

import io.latchkey.domain.error.AuthCacheUnavailableException;
import io.latchkey.domain.model.auth.AuthSnapshot;
import io.latchkey.domain.model.auth.PurgeCount;
import io.latchkey.domain.model.session.SessionId;
import io.latchkey.domain.model.user.UserId;
import io.latchkey.domain.model.user.UserProfile;
import io.latchkey.domain.port.AuthCache;
import java.util.function.Function;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * The one read-through of the auth cache: the cache (however many tiers it has), on a miss the store of record with a
 * fill guarded by the purge count read first, and while the cache is unavailable the store of record through the
 * bounded {@link FallbackGate}, its answer kept in this instance's near copy under the local purge count read first.
 * Only an {@link AuthCacheUnavailableException} falls back: a failing store of record, or an answer like "revoked", is
 * the answer.
 */
final class CachedReads {

    private final AuthCache cache;
    private final FallbackGate fallbackGate;

    CachedReads(AuthCache cache, FallbackGate fallbackGate) {
        this.cache = cache;
        this.fallbackGate = fallbackGate;
    }

    Mono<AuthSnapshot> session(UserId userId, SessionId sessionId, Supplier<Mono<AuthSnapshot>> record) {
        return readThrough(userId, c -> c.findSession(userId, sessionId), record, AuthCache::putSession,
                AuthCache::putSessionLocally);
    }

    Mono<UserProfile> profile(UserId userId, Supplier<Mono<UserProfile>> record) {
        return readThrough(userId, c -> c.findProfile(userId), record, AuthCache::putProfile,
                AuthCache::putProfileLocally);
    }

    /** The store of record through the fallback gate, as if the cache were down: for when no cache can be trusted. */
    <T> Mono<T> bypassing(Supplier<Mono<T>> record, Throwable reason) {
        return fallbackGate.through(record, reason);
    }

    private <T> Mono<T> readThrough(UserId userId, Function<AuthCache, Mono<T>> find, Supplier<Mono<T>> record,
            Fill<T> fill, LocalFill<T> localFill) {
        return find.apply(cache)
                .switchIfEmpty(Mono.defer(() -> cache.purgeCount(userId).flatMap(readBefore -> record.get()
                        .flatMap(value -> fill.apply(cache, value, readBefore).thenReturn(value)))))
                .onErrorResume(AuthCacheUnavailableException.class, e -> fallback(userId, record, localFill, e));
    }

    /**
     * Kept near for the short lifetime of a fallback copy, so an outage of the shared tier costs one lookup per user
     * and copy lifetime rather than one per request. Purges still reach that copy: the per-instance auth-event consumer drops it, and its
     * purge count drops a fill that raced the purge.
     */
    private <T> Mono<T> fallback(UserId userId, Supplier<Mono<T>> record, LocalFill<T> localFill, Throwable reason) {
        return Mono.defer(() -> {
            long readBefore = cache.localPurgeCount(userId);
            return fallbackGate.through(record, reason)
                    .flatMap(value -> localFill.apply(cache, value, readBefore).thenReturn(value));
        });
    }

    @FunctionalInterface
    private interface Fill<T> {
        Mono<Void> apply(AuthCache cache, T value, PurgeCount readBefore);
    }

    @FunctionalInterface
    private interface LocalFill<T> {
        Mono<Void> apply(AuthCache cache, T value, long localReadBefore);
    }

}
