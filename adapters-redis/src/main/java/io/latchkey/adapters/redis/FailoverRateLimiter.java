package io.latchkey.adapters.redis;

import io.latchkey.domain.model.abuse.RateLimit;
import io.latchkey.domain.model.abuse.RateLimitDecision;
import io.latchkey.domain.port.RateLimiter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.InstantSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Rate limits in Redis, shared by every instance; while Redis does not answer, a per-instance limiter with
 * the limits divided by {@code fallback-divisor} takes over, so an outage never leaves logins unlimited.
 */
@Component
class FailoverRateLimiter implements RateLimiter {

    private static final Logger log = LoggerFactory.getLogger(FailoverRateLimiter.class);

    private final RedisRateLimiter shared;
    private final LocalRateLimiter local;
    private final int fallbackDivisor;
    private final Counter fallbacks;

    FailoverRateLimiter(ReactiveStringRedisTemplate redis, RedisSecret secret, InstantSource clock,
            RateLimiterSettings settings, MeterRegistry meters) {
        this.shared = new RedisRateLimiter(redis, new KeyDigests(secret));
        this.local = new LocalRateLimiter(clock, settings.localMaxKeys());
        this.fallbackDivisor = settings.fallbackDivisor();
        this.fallbacks = Counter.builder("latchkey.rate_limit.fallbacks")
                .description("Rate-limit checks answered by the per-instance limiter because Redis failed")
                .register(meters);
    }

    @Override
    public Mono<RateLimitDecision> consume(RateLimit limit, String key) {
        return shared.consume(limit, key).onErrorResume(e -> {
            fallbacks.increment();
            log.debug("Redis rate limiter failed, using the per-instance limiter: {}", e.toString());
            return local.consume(limit.dividedBy(fallbackDivisor), key);
        });
    }

    @Override
    public Mono<RateLimitDecision> reserve(RateLimit limit, String key) {
        return shared.reserve(limit, key).onErrorResume(e -> {
            fallbacks.increment();
            log.debug("Redis rate limiter failed, using the per-instance limiter: {}", e.toString());
            return local.reserve(limit.dividedBy(fallbackDivisor), key);
        });
    }

    @Override
    public Mono<Void> release(RateLimit limit, String key) {
        return shared.release(limit, key).onErrorResume(e -> {
            fallbacks.increment();
            log.debug("Redis rate limiter failed, using the per-instance limiter: {}", e.toString());
            return local.release(limit.dividedBy(fallbackDivisor), key);
        });
    }
}
