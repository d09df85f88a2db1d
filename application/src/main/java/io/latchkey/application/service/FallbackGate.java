package io.latchkey.application.service;

import io.latchkey.domain.error.AuthCacheUnavailableException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
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
                return Mono.error(new AuthCacheUnavailableException(cacheFailure));
            }
            // Released as the fallback answers, before the rest of the request runs: a second lookup of the
            // same request (the profile after the session check) must not find the gate taken by itself.
            AtomicBoolean held = new AtomicBoolean(true);
            Runnable release = () -> {
                if (held.compareAndSet(true, false)) {
                    permits.release();
                }
            };
            return fallback.get()
                    .doOnSuccess(value -> release.run())
                    .doOnError(error -> release.run())
                    .doOnCancel(release);
        });
    }
}
