package io.latchkey.domain.port;

import io.latchkey.domain.model.abuse.FailureCount;
import io.latchkey.domain.model.abuse.LockoutPolicy;
import io.latchkey.domain.model.abuse.LockoutSubject;
import io.latchkey.domain.model.abuse.RecordedAttempt;
import io.latchkey.domain.model.user.Email;
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
     * Counts one attempt at {@code now} before its password is checked, in one atomic step: refused, counting
     * nothing, while the subject is locked; otherwise counted, and when the new count reaches the policy's
     * threshold the subject is locked at once (for the policy's duration for that count), so attempts in flight
     * at the same time cannot all get past the threshold. A right password then {@link #clear}s it. A count whose
     * last attempt is older than the policy's {@code forgetAfter} starts again from one.
     */
    Mono<RecordedAttempt> recordAttempt(LockoutSubject subject, Instant now, LockoutPolicy policy);

    /** Forgets the subject's failures and any lock. */
    Mono<Void> clear(LockoutSubject subject);

    /** Forgets the failures and locks of the address and of every device counted against it (a password reset). */
    Mono<Void> clearAll(Email address);

    /** Deletes up to {@code limit} counts last touched before {@code cutoff} and not locked at {@code now}. */
    Mono<Long> deleteStale(Instant cutoff, Instant now, int limit);
}
