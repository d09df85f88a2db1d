package io.latchkey.domain.testfixtures;

import io.latchkey.domain.model.user.UserId;
import io.latchkey.domain.port.LoginFailures;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;

/** Failure counts and locks in maps. */
public final class InMemoryLoginFailures implements LoginFailures {

    private final Map<UserId, Integer> counts = new ConcurrentHashMap<>();
    private final Map<UserId, Instant> locks = new ConcurrentHashMap<>();

    @Override
    public Mono<Instant> lockedUntil(UserId userId, Instant now) {
        return Mono.justOrEmpty(locks.get(userId)).filter(now::isBefore);
    }

    @Override
    public Mono<Integer> recordFailure(UserId userId) {
        return Mono.fromCallable(() -> counts.merge(userId, 1, Integer::sum));
    }

    @Override
    public Mono<Void> lockUntil(UserId userId, Instant until) {
        return Mono.fromRunnable(() -> locks.put(userId, until));
    }

    @Override
    public Mono<Void> clear(UserId userId) {
        return Mono.fromRunnable(() -> {
            counts.remove(userId);
            locks.remove(userId);
        });
    }

    public int failures(UserId userId) {
        return counts.getOrDefault(userId, 0);
    }
}
