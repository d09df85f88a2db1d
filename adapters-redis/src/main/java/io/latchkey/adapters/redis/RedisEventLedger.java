package io.latchkey.adapters.redis;

import io.latchkey.domain.error.DependencyUnavailableException;
import io.latchkey.domain.port.EventLedger;
import java.time.Duration;
import java.util.UUID;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.publisher.Mono;

/**
 * The shared consumer group's ledger: one Redis key per handled event, {@code SET NX} with a TTL longer than
 * any redelivery window (the topic's retention for replays is the operator's concern).
 */
public final class RedisEventLedger implements EventLedger {

    private final ReactiveStringRedisTemplate redis;
    private final String consumer;
    private final Duration retention;

    public RedisEventLedger(ReactiveStringRedisTemplate redis, String consumer, Duration retention) {
        this.redis = redis;
        this.consumer = consumer;
        this.retention = retention;
    }

    @Override
    public Mono<Boolean> isRecorded(UUID eventId) {
        return redis.hasKey(key(eventId)).onErrorMap(RedisEventLedger::unavailable);
    }

    @Override
    public Mono<Boolean> record(UUID eventId) {
        // Bounded like a purge: the revoker records right after its purge, and a Redis that hung in between must not
        // hold the logout for the client's whole timeout.
        return redis.opsForValue().setIfAbsent(key(eventId), "1", retention)
                .timeout(RedisHotPath.PURGE_TIMEOUT)
                .onErrorMap(RedisEventLedger::unavailable);
    }

    private String key(UUID eventId) {
        return "lk:evt:" + consumer + ":" + eventId;
    }

    private static Throwable unavailable(Throwable e) {
        return e instanceof DependencyUnavailableException ? e : new DependencyUnavailableException("redis", e);
    }
}
