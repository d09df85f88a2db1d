package io.latchkey.domain.port;

import io.latchkey.domain.model.reset.PasswordResetTokenHash;
import io.latchkey.domain.model.user.UserId;
import java.time.Instant;
import reactor.core.publisher.Mono;

/** Outstanding password-reset tokens, as hashes. */
public interface PasswordResetTokens {

    Mono<Void> save(PasswordResetTokenHash hash, UserId userId, Instant expiresAt, Instant now);

    /**
     * Makes {@code hash} the account's only outstanding token, inside the caller's transaction: the account's row is
     * locked first (until that transaction ends), so of two writers for one account the second waits for nothing
     * and gets {@code false} while the first is still running, and once the first has committed it replaces its
     * token. {@code false} also when the account is gone.
     */
    Mono<Boolean> replaceFor(UserId userId, PasswordResetTokenHash hash, Instant expiresAt, Instant now);

    /** Uses the token if it is unused and unexpired: the account it resets; empty otherwise. Single use. */
    Mono<UserId> consume(PasswordResetTokenHash hash, Instant now);

    /** Deletes up to {@code limit} tokens that expired before {@code now}; how many. */
    Mono<Long> deleteExpired(Instant now, int limit);

    /** Forgets every outstanding token of the account (its password just changed). */
    Mono<Void> deleteFor(UserId userId);
}
