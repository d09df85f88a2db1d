package io.latchkey.domain.testfixtures;

import io.latchkey.domain.model.abuse.RateLimit;
import io.latchkey.domain.model.abuse.RateLimitDecision;
import io.latchkey.domain.port.RateLimiter;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;

/** Fixed windows in a map, on an injected clock; the same counting rule as the Redis limiter. */
public final class InMemoryRateLimiter implements RateLimiter {

    private record Window(Instant start, int count) {
    }

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final InstantSource clock;

    public InMemoryRateLimiter(InstantSource clock) {
        this.clock = clock;
    }

    @Override
    public Mono<RateLimitDecision> consume(RateLimit limit, String key) {
        return Mono.fromCallable(() -> {
            Instant now = clock.instant();
            Window window = windows.compute(limit.scope() + ":" + key, (k, w) ->
                    w == null || !now.isBefore(w.start().plus(limit.window())) ? new Window(now, 1)
                            : new Window(w.start(), w.count() + 1));
            return window.count() <= limit.limit() ? RateLimitDecision.ALLOWED
                    : RateLimitDecision.deniedFor(Duration.between(now, window.start().plus(limit.window())));
        });
    }

    @Override
    public Mono<RateLimitDecision> reserve(RateLimit limit, String key) {
        return Mono.fromCallable(() -> {
            Instant now = clock.instant();
            boolean[] reserved = {false};
            Window window = windows.compute(limit.scope() + ":" + key, (k, w) -> {
                if (w == null || !now.isBefore(w.start().plus(limit.window()))) {
                    reserved[0] = limit.limit() > 0;
                    return new Window(now, reserved[0] ? 1 : 0);
                }
                reserved[0] = w.count() < limit.limit();
                return reserved[0] ? new Window(w.start(), w.count() + 1) : w;
            });
            return reserved[0] ? RateLimitDecision.ALLOWED
                    : RateLimitDecision.deniedFor(Duration.between(now, window.start().plus(limit.window())));
        });
    }

    @Override
    public Mono<Void> release(RateLimit limit, String key) {
        return Mono.fromRunnable(() -> {
            Instant now = clock.instant();
            windows.computeIfPresent(limit.scope() + ":" + key, (k, w) ->
                    now.isBefore(w.start().plus(limit.window())) && w.count() > 0
                            ? new Window(w.start(), w.count() - 1) : w);
        });
    }
}
