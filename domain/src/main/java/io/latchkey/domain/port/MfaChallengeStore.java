package io.latchkey.domain.port;

import io.latchkey.domain.model.mfa.MfaChallenge;
import io.latchkey.domain.model.mfa.MfaToken;
import java.time.Duration;
import reactor.core.publisher.Mono;

/** Pending MFA challenges: short-lived, attempt-limited, consumed once. */
public interface MfaChallengeStore {

    Mono<Void> save(MfaToken token, MfaChallenge challenge, Duration ttl);

    /**
     * Counts one attempt at the challenge and returns it, atomically; empty when it does not exist (expired, used,
     * never issued) or this attempt is past {@code maxAttempts}, which also deletes it.
     */
    Mono<MfaChallenge> attempt(MfaToken token, int maxAttempts);

    /** Deletes the challenge; true only for the one caller that deleted it, so it completes once. */
    Mono<Boolean> consume(MfaToken token);
}
