package io.latchkey.application.service;

import io.latchkey.domain.error.RateLimitedException;
import io.latchkey.domain.model.abuse.RateLimit;
import io.latchkey.domain.port.RateLimiter;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Counts an attempt against each of its rate limits in turn and fails with 429 on the first one exceeded; or, for
 * limits that count only failures, reserves a place before the attempt and gives it back when the attempt succeeds.
 */
public final class AttemptGate {

    private static final Logger log = LoggerFactory.getLogger(AttemptGate.class);

    private final RateLimiter limiter;
    private final boolean enabled;

    public AttemptGate(RateLimiter limiter, boolean enabled) {
        this.limiter = limiter;
        this.enabled = enabled;
        if (!enabled) {
            log.warn("RATE LIMITS ARE OFF (latchkey.rate-limits.enabled=false): only for load tests, never in production");
        }
    }

    /** One limit and the key it is counted under; a null key (no client IP known) is not counted. */
    record Check(RateLimit limit, @Nullable String key) {
    }

    static Check check(RateLimit limit, @Nullable String key) {
        return new Check(limit, key);
    }

    Mono<Void> admit(Check... checks) {
        if (!enabled) {
            return Mono.empty();
        }
        return Flux.fromArray(checks)
                .filter(check -> check.key() != null && !check.key().isBlank())
                .concatMap(check -> limiter.consume(check.limit(), check.key())
                        .flatMap(decision -> decision.allowed() ? Mono.<Void>empty()
                                : Mono.error(new RateLimitedException(decision.retryAfter()))))
                .then();
    }

    /**
     * For limits on failures: reserves one attempt under each check before the attempt is made, atomically, so
     * concurrent attempts never together get past a limit; 429 (reserving nothing more) once one is full. A failed
     * attempt keeps its reservation; a successful one gives it back with {@link #release}.
     */
    Mono<Void> reserve(Check... checks) {
        if (!enabled) {
            return Mono.empty();
        }
        return Flux.fromArray(checks)
                .filter(check -> check.key() != null && !check.key().isBlank())
                .concatMap(check -> limiter.reserve(check.limit(), check.key())
                        .flatMap(decision -> decision.allowed() ? Mono.<Void>empty()
                                : Mono.error(new RateLimitedException(decision.retryAfter()))))
                .then();
    }

    /** Gives back the attempts reserved with {@link #reserve} for an attempt that succeeded. */
    Mono<Void> release(Check... checks) {
        if (!enabled) {
            return Mono.empty();
        }
        return Flux.fromArray(checks)
                .filter(check -> check.key() != null && !check.key().isBlank())
                .concatMap(check -> limiter.release(check.limit(), check.key()))
                .then();
    }
}
