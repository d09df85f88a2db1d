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
 * limits that count only failures, refuses while they are spent and counts each failure afterwards.
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

    /** For limits on failures only: 429 when a check's failures already fill its window, without counting. */
    Mono<Void> refuseIfSpent(Check... checks) {
        if (!enabled) {
            return Mono.empty();
        }
        return Flux.fromArray(checks)
                .filter(check -> check.key() != null && !check.key().isBlank())
                .concatMap(check -> limiter.peek(check.limit(), check.key())
                        .flatMap(decision -> decision.allowed() ? Mono.<Void>empty()
                                : Mono.error(new RateLimitedException(decision.retryAfter()))))
                .then();
    }

    /** Counts a failed attempt against limits checked with {@link #refuseIfSpent}. */
    Mono<Void> countFailure(Check... checks) {
        if (!enabled) {
            return Mono.empty();
        }
        return Flux.fromArray(checks)
                .filter(check -> check.key() != null && !check.key().isBlank())
                .concatMap(check -> limiter.consume(check.limit(), check.key()))
                .then();
    }
}
