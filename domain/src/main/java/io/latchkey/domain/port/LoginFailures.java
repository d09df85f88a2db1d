package io.latchkey.domain.port;

import io.latchkey.domain.model.user.UserId;
import java.time.Instant;
import reactor.core.publisher.Mono;

/** The per-account count of consecutive wrong passwords and the lockout it led to, kept with the account. */
public interface LoginFailures {

    /** Until when the account is locked; empty when it is not locked at {@code now}. */
    Mono<Instant> lockedUntil(UserId userId, Instant now);

    /** Counts one more consecutive failure; the new count. */
    Mono<Integer> recordFailure(UserId userId);

    Mono<Void> lockUntil(UserId userId, Instant until);

    /** Forgets the failures and any lock. */
    Mono<Void> clear(UserId userId);
}
