package io.latchkey.domain.port;

import io.latchkey.domain.model.user.Email;
import io.latchkey.domain.model.verification.CodeCheck;
import io.latchkey.domain.model.verification.VerificationCode;
import java.time.Duration;
import reactor.core.publisher.Mono;

/** Where live email verification codes wait, each with its attempt counter. */
public interface VerificationCodeStore {

    /** Stores a fresh code for the address, replacing any earlier one and its used attempts. */
    Mono<Void> save(Email email, VerificationCode code, Duration ttl);

    /**
     * Checks a presented code atomically: a match consumes the code; a miss uses an attempt, and the
     * {@code maxAttempts}-th miss burns the code, so concurrent guesses cannot exceed the allowance.
     */
    Mono<CodeCheck> check(Email email, VerificationCode presented, int maxAttempts);

    /** Forgets the address's code, if any. */
    Mono<Void> discard(Email email);
}
