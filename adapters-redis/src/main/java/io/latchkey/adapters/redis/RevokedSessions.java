package io.latchkey.adapters.redis;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.RemovalCause;
import io.latchkey.domain.model.session.SessionId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Collection;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicReference;

/**
 * This instance's memory of revoked sessions, each kept until the last access token it could have issued is past
 * its expiry plus twice the verifier's clock leeway (the validity an event or a row carries starts before the revoking
 * transaction commits, and a token issued until the commit expires later); after that no token of it passes the signature check anyway. Bounded
 * by {@code maxEntries}, but a size bound never silently forgets a revocation: when it drops an entry (Caffeine may
 * drop the one just added), the memory reports itself incomplete until that entry would have expired, and callers
 * must then ask PostgreSQL instead of any cache; the same until the revocations in the record were first loaded. Size: gauge {@code latchkey.revoked.sessions}; size evictions:
 * counter {@code latchkey.revoked.sessions.evicted}.
 */
public final class RevokedSessions {

    private final Cache<SessionId, Instant> until;
    private final InstantSource clock;
    /** The verifier's clock leeway, twice: once for the verifier, once for the time a revoking transaction takes. */
    private final Duration margin;
    private final AtomicReference<Instant> incompleteUntil = new AtomicReference<>(Instant.MIN);
    private final Counter evicted;
    private volatile boolean loaded;

    public RevokedSessions(long maxEntries, Duration leeway, InstantSource clock, MeterRegistry meters) {
        this(maxEntries, leeway, clock, meters, ForkJoinPool.commonPool());
    }

    /** With the executor Caffeine runs its maintenance on; tests pass {@code Runnable::run} to see evictions at once. */
    RevokedSessions(long maxEntries, Duration leeway, InstantSource clock, MeterRegistry meters, Executor maintenance) {
        if (maxEntries < 1 || leeway.isNegative()) {
            throw new IllegalArgumentException("maxEntries must be positive and leeway not negative");
        }
        this.clock = clock;
        this.margin = leeway.multipliedBy(2);
        this.evicted = Counter.builder("latchkey.revoked.sessions.evicted")
                .description("Revoked sessions this instance forgot because its memory was full; caches are bypassed "
                        + "until their access tokens expire")
                .register(meters);
        this.until = Caffeine.newBuilder().maximumSize(maxEntries).executor(maintenance)
                .expireAfter(Expiry.writing((SessionId id, Instant end) -> remaining(end.plus(margin))))
                .evictionListener((SessionId id, Instant end, RemovalCause cause) -> {
                    if (cause == RemovalCause.SIZE && end != null) {
                        forgot(end);
                    }
                })
                .build();
        Gauge.builder("latchkey.revoked.sessions", until, Cache::estimatedSize)
                .description("Revoked sessions this instance remembers").register(meters);
    }

    void remember(Collection<SessionId> sessionIds, Instant accessTokensValidUntil) {
        for (SessionId id : sessionIds) {
            until.asMap().merge(id, accessTokensValidUntil, (kept, offered) -> kept.isAfter(offered) ? kept : offered);
        }
    }

    boolean contains(SessionId sessionId) {
        return until.getIfPresent(sessionId) != null;
    }

    /**
     * False until the recent revocations in the record were first loaded ({@link #loaded()}), and while a session this
     * memory had to forget for room could still present a valid access token.
     */
    boolean complete() {
        return loaded && !clock.instant().isBefore(incompleteUntil.get());
    }

    void loaded() {
        loaded = true;
    }

    private void forgot(Instant accessTokensValidUntil) {
        evicted.increment();
        Instant end = accessTokensValidUntil.plus(margin);
        incompleteUntil.accumulateAndGet(end, (current, offered) -> current.isAfter(offered) ? current : offered);
    }

    private Duration remaining(Instant end) {
        Duration left = Duration.between(clock.instant(), end);
        return left.isNegative() ? Duration.ZERO : left;
    }
}
