package io.latchkey.adapters.redis;

import io.latchkey.domain.model.abuse.RateLimit;
import io.latchkey.domain.model.abuse.RateLimitDecision;
import java.time.Duration;
import java.util.List;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;

/** Fixed windows in Redis ({@code lk:rl:<scope>:<hmac(key)>}), counted by one atomic script across instances. */
final class RedisRateLimiter {

    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> COUNT =
            RedisScript.of(new ClassPathResource("rate-limit.lua", RedisRateLimiter.class), List.class);
    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> RESERVE =
            RedisScript.of(new ClassPathResource("rate-limit-reserve.lua", RedisRateLimiter.class), List.class);
    private static final RedisScript<Long> RELEASE =
            RedisScript.of(new ClassPathResource("rate-limit-release.lua", RedisRateLimiter.class), Long.class);

    private final ReactiveStringRedisTemplate redis;
    private final KeyDigests digests;

    RedisRateLimiter(ReactiveStringRedisTemplate redis, KeyDigests digests) {
        this.redis = redis;
        this.digests = digests;
    }

    Mono<RateLimitDecision> consume(RateLimit limit, String key) {
        return redis.execute(COUNT, List.of(RedisKeys.rateLimit(limit.scope(), key, digests)),
                        List.of(Long.toString(limit.window().toMillis())))
                .next()
                .map(result -> {
                    long count = ((Number) result.get(0)).longValue();
                    long remainingMillis = ((Number) result.get(1)).longValue();
                    return count <= limit.limit() ? RateLimitDecision.ALLOWED
                            : RateLimitDecision.deniedFor(Duration.ofMillis(Math.max(1, remainingMillis)));
                });
    }

    Mono<RateLimitDecision> reserve(RateLimit limit, String key) {
        return redis.execute(RESERVE, List.of(RedisKeys.rateLimit(limit.scope(), key, digests)),
                        List.of(Long.toString(limit.window().toMillis()), Integer.toString(limit.limit())))
                .next()
                .map(result -> {
                    boolean reserved = ((Number) result.get(0)).longValue() == 1;
                    long remainingMillis = ((Number) result.get(1)).longValue();
                    return reserved ? RateLimitDecision.ALLOWED
                            : RateLimitDecision.deniedFor(Duration.ofMillis(Math.max(1, remainingMillis)));
                });
    }

    Mono<Void> release(RateLimit limit, String key) {
        return redis.execute(RELEASE, List.of(RedisKeys.rateLimit(limit.scope(), key, digests)), List.of())
                .then();
    }
}
