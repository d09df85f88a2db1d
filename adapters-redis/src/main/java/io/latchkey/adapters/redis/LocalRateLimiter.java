package io.latchkey.adapters.redis;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.latchkey.domain.model.abuse.RateLimit;
import io.latchkey.domain.model.abuse.RateLimitDecision;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import reactor.core.publisher.Mono;

/** Fixed windows in this instance's memory: the fallback while Redis is unreachable. */
final class LocalRateLimiter {

    private record Window(Instant end, int count) {
    }

    private final Cache<String, Window> windows;
    private final InstantSource clock;

    LocalRateLimiter(InstantSource clock, long maxKeys) {
        this.clock = clock;
        this.windows = Caffeine.newBuilder()
                .maximumSize(maxKeys)
                .expireAfter(Expiry.<String, Window>writing((key, window) -> remaining(window)))
                .build();
    }

    Mono<RateLimitDecision> consume(RateLimit limit, String key) {
        return Mono.fromSupplier(() -> {
            Instant now = clock.instant();
            Window window = windows.asMap().compute(limit.scope() + ":" + key, (k, current) ->
                    current == null || !now.isBefore(current.end()) ? new Window(now.plus(limit.window()), 1)
                            : new Window(current.end(), current.count() + 1));
            return window.count() <= limit.limit() ? RateLimitDecision.ALLOWED
                    : RateLimitDecision.deniedFor(Duration.between(now, window.end()));
        });
    }

    Mono<RateLimitDecision> reserve(RateLimit limit, String key) {
        return Mono.fromSupplier(() -> {
            Instant now = clock.instant();
            boolean[] reserved = {false};
            // compute() runs atomically per key: concurrent callers never together pass the limit.
            Window window = windows.asMap().compute(limit.scope() + ":" + key, (k, current) -> {
                if (current == null || !now.isBefore(current.end())) {
                    reserved[0] = limit.limit() > 0;
                    return new Window(now.plus(limit.window()), reserved[0] ? 1 : 0);
                }
                reserved[0] = current.count() < limit.limit();
                return reserved[0] ? new Window(current.end(), current.count() + 1) : current;
            });
            return reserved[0] ? RateLimitDecision.ALLOWED
                    : RateLimitDecision.deniedFor(Duration.between(now, window.end()));
        });
    }

    Mono<Void> release(RateLimit limit, String key) {
        return Mono.fromRunnable(() -> {
            Instant now = clock.instant();
            windows.asMap().computeIfPresent(limit.scope() + ":" + key, (k, current) ->
                    now.isBefore(current.end()) && current.count() > 0
                            ? new Window(current.end(), current.count() - 1) : current);
        });
    }

    private Duration remaining(Window window) {
        Duration left = Duration.between(clock.instant(), window.end());
        return left.isNegative() ? Duration.ZERO : left;
    }
}
