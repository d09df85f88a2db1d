package io.latchkey.domain.port;

import io.latchkey.domain.model.abuse.RateLimit;
import io.latchkey.domain.model.abuse.RateLimitDecision;
import reactor.core.publisher.Mono;

/** Counts attempts per scope and key in fixed windows, atomically across instances. */
public interface RateLimiter {

    /** Counts one attempt for {@code key} (an IP, an email) under {@code limit}; denied once it is exceeded. */
    Mono<RateLimitDecision> consume(RateLimit limit, String key);

    /**
     * Whether one more counted attempt would still be allowed, without counting one: for limits that count only
     * failures, checked before the attempt and counted with {@link #consume} once it failed.
     */
    Mono<RateLimitDecision> peek(RateLimit limit, String key);
}
