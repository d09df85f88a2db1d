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

    Mono<RateLimitDecision> peek(RateLimit limit, String key) {
        return Mono.fromSupplier(() -> {
            Instant now = clock.instant();
            Window window = windows.getIfPresent(limit.scope() + ":" + key);
            return window == null || !now.isBefore(window.end()) || window.count() < limit.limit()
                    ? RateLimitDecision.ALLOWED : RateLimitDecision.deniedFor(Duration.between(now, window.end()));
        });
    }

    private Duration remaining(Window window) {
        Duration left = Duration.between(clock.instant(), window.end());
        return left.isNegative() ? Duration.ZERO : left;
    }
}
