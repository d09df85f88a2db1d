package io.latchkey.domain.port;

import io.latchkey.domain.model.abuse.RateLimit;
import io.latchkey.domain.model.abuse.RateLimitDecision;
import reactor.core.publisher.Mono;

/** Counts attempts per scope and key in fixed windows, atomically across instances. */
public interface RateLimiter {

    /** Counts one attempt for {@code key} (an IP, an email) under {@code limit}; denied once it is exceeded. */
    Mono<RateLimitDecision> consume(RateLimit limit, String key);

    /**
     * Counts one attempt only while the window has room for it, atomically: for limits on failures, reserved before
     * the attempt (so concurrent attempts never together get past the limit) and given back with {@link #release}
     * when it succeeded. Denied, counting nothing, when the window is full.
     */
    Mono<RateLimitDecision> reserve(RateLimit limit, String key);

    /** Gives back one attempt reserved with {@link #reserve}; nothing when its window has ended. */
    Mono<Void> release(RateLimit limit, String key);
}
