package io.latchkey.domain.testfixtures;

import io.latchkey.domain.model.abuse.FailureCount;
import io.latchkey.domain.model.abuse.LockoutPolicy;
import io.latchkey.domain.model.abuse.LockoutSubject;
import io.latchkey.domain.model.abuse.RecordedAttempt;
import io.latchkey.domain.model.user.Email;
import io.latchkey.domain.port.LoginFailures;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;

/** Failure counts and locks per address key (and device) in a map, with the same forgetting rule as the table. */
public final class InMemoryLoginFailures implements LoginFailures {

    private record Count(int failures, Instant lastFailureAt, Instant lockedUntil) {
    }

    private record Key(String address, Optional<UUID> device) {
    }

    private final Map<Key, Count> counts = new ConcurrentHashMap<>();

    private static Key keyOf(LockoutSubject subject) {
        return new Key(subject.address().key(), subject.knownDevice());
    }

    @Override
    public Mono<FailureCount> find(LockoutSubject subject) {
        return Mono.justOrEmpty(counts.get(keyOf(subject)))
                .map(count -> new FailureCount(count.failures(), count.lockedUntil()));
    }

    @Override
    public Mono<RecordedAttempt> recordAttempt(LockoutSubject subject, Instant now, LockoutPolicy policy) {
        return Mono.fromCallable(() -> {
            RecordedAttempt[] result = new RecordedAttempt[1];
            counts.compute(keyOf(subject), (key, count) -> {
                if (count != null && count.lockedUntil() != null && now.isBefore(count.lockedUntil())) {
                    result[0] = RecordedAttempt.refusedUntil(count.lockedUntil());
                    return count;
                }
                int failures = count == null || count.lastFailureAt().isBefore(now.minus(policy.forgetAfter())) ? 1
                        : count.failures() + 1;
                Instant lockedUntil = policy.lockedUntil(failures, now).orElse(null);
                result[0] = RecordedAttempt.admittedLocking(lockedUntil);
                return new Count(failures, now, lockedUntil);
            });
            return result[0];
        });
    }

    @Override
    public Mono<Void> clear(LockoutSubject subject) {
        return Mono.fromRunnable(() -> counts.remove(keyOf(subject)));
    }

    @Override
    public Mono<Void> clearAll(Email address) {
        return Mono.fromRunnable(() -> counts.keySet().removeIf(key -> key.address().equals(address.key())));
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
        Count count = counts.get(keyOf(LockoutSubject.address(address)));
        return count == null ? 0 : count.failures();
    }

    public int failures(Email address, UUID device) {
        Count count = counts.get(keyOf(LockoutSubject.device(address, device)));
        return count == null ? 0 : count.failures();
    }
}
