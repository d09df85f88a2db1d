package io.latchkey.domain.port;

import io.latchkey.domain.model.abuse.FailureCount;
import io.latchkey.domain.model.abuse.LockoutSubject;
import io.latchkey.domain.model.user.Email;
import java.time.Duration;
import java.time.Instant;
import reactor.core.publisher.Mono;

/**
 * Consecutive wrong passwords per address (and per address and known device) and the lockout they led to,
 * counted for every address whether or not an account has it, so a lockout tells nothing about which addresses
 * are registered.
 */
public interface LoginFailures {

    /** The subject's count; empty when it has none (no failure since the last success, or long forgotten). */
    Mono<FailureCount> find(LockoutSubject subject);

    /**
     * Counts one more failure at {@code now}; the new count. A count whose last failure is older than
     * {@code forgetAfter} starts again from one.
     */
    Mono<Integer> recordFailure(LockoutSubject subject, Instant now, Duration forgetAfter);

    /** Locks the subject until {@code until}, never shortening a longer lock. */
    Mono<Void> lockUntil(LockoutSubject subject, Instant until);

    /** Forgets the subject's failures and any lock. */
    Mono<Void> clear(LockoutSubject subject);

    /** Forgets the failures and locks of the address and of every device counted against it (a password reset). */
    Mono<Void> clearAll(Email address);

    /** Deletes up to {@code limit} counts last touched before {@code cutoff} and not locked at {@code now}. */
    Mono<Long> deleteStale(Instant cutoff, Instant now, int limit);
}
