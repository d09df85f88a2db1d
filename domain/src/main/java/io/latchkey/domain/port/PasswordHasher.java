package io.latchkey.domain.port;

import io.latchkey.domain.model.user.PasswordHash;
import io.latchkey.domain.model.user.RawPassword;
import reactor.core.publisher.Mono;

/** Slow, salted password hashing, run off the event loop with bounded concurrency. */
public interface PasswordHasher {

    Mono<PasswordHash> hash(RawPassword password);

    Mono<Boolean> matches(RawPassword password, PasswordHash hash);

    /** Does the work of {@link #matches} against a decoy hash and answers false: for unknown accounts. */
    Mono<Boolean> matchesNothing(RawPassword password);
}
