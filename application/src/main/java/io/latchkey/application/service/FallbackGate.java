package io.latchkey.application.service;

import io.latchkey.domain.error.DependencyUnavailableException;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * Bounds how many requests may fall back to PostgreSQL while the cache is down, so a Redis outage cannot
 * turn into a database outage; past the bound the answer is 503, never an unchecked accept.
 */
public final class FallbackGate {

    private final Semaphore permits;

    public FallbackGate(int maxConcurrent) {
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("maxConcurrent must be positive");
        }
        this.permits = new Semaphore(maxConcurrent);
    }

    <T> Mono<T> through(Supplier<Mono<T>> fallback, Throwable cacheFailure) {
        return Mono.defer(() -> {
            if (!permits.tryAcquire()) {
                return Mono.error(new DependencyUnavailableException("redis", cacheFailure));
            }
            return fallback.get().doFinally(signal -> permits.release());
        });
    }
}
