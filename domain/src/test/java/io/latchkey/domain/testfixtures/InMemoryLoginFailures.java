package io.latchkey.domain.testfixtures;

import io.latchkey.domain.model.abuse.FailureCount;
import io.latchkey.domain.model.user.Email;
import io.latchkey.domain.port.LoginFailures;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;

/** Failure counts and locks per address in a map, with the same forgetting rule as the table. */
public final class InMemoryLoginFailures implements LoginFailures {

    private record Count(int failures, Instant lastFailureAt, Instant lockedUntil) {
    }

    private final Map<Email, Count> counts = new ConcurrentHashMap<>();

    @Override
    public Mono<FailureCount> find(Email address) {
        return Mono.justOrEmpty(counts.get(address))
                .map(count -> new FailureCount(count.failures(), count.lockedUntil()));
    }

    @Override
    public Mono<Integer> recordFailure(Email address, Instant now, Duration forgetAfter) {
        return Mono.fromCallable(() -> counts.compute(address, (key, count) ->
                count == null || count.lastFailureAt().isBefore(now.minus(forgetAfter)) ? new Count(1, now, null)
                        : new Count(count.failures() + 1, now, count.lockedUntil())).failures());
    }

    @Override
    public Mono<Void> lockUntil(Email address, Instant until) {
        return Mono.fromRunnable(() -> counts.computeIfPresent(address, (key, count) -> new Count(count.failures(),
                count.lastFailureAt(), count.lockedUntil() != null && count.lockedUntil().isAfter(until)
                        ? count.lockedUntil() : until)));
    }

    @Override
    public Mono<Void> clear(Email address) {
        return Mono.fromRunnable(() -> counts.remove(address));
    }

    @Override
    public Mono<Long> deleteStale(Instant cutoff, Instant now, int limit) {
        return Mono.fromCallable(() -> {
            long before = counts.size();
            counts.values().removeIf(count -> count.lastFailureAt().isBefore(cutoff)
                    && (count.lockedUntil() == null || !count.lockedUntil().isAfter(now)));
            return before - counts.size();
        });
    }

    public int failures(Email address) {
        Count count = counts.get(address);
        return count == null ? 0 : count.failures();
    }
}
