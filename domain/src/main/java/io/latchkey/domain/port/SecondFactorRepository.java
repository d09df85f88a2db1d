package io.latchkey.domain.port;

import io.latchkey.domain.model.mfa.TotpFactor;
import io.latchkey.domain.model.user.UserId;
import java.time.Instant;
import java.util.List;
import reactor.core.publisher.Mono;

/** The durable record of each user's TOTP authenticator and recovery codes (hashes only). */
public interface SecondFactorRepository {

    /** The user's TOTP factor, pending or confirmed; empty when none. */
    Mono<TotpFactor> findTotp(UserId userId);

    /** Stores a new pending factor, replacing a pending one; false (changing nothing) when a confirmed one exists. */
    Mono<Boolean> savePendingTotp(TotpFactor pending);

    /**
     * Confirms the pending factor with the code of {@code step}, which is then used; false when there is no pending
     * factor (already confirmed, or never started).
     */
    Mono<Boolean> confirmTotp(UserId userId, long step, Instant now);

    /**
     * Marks {@code step} used on the confirmed factor, only if no code of this or a later step was accepted before:
     * the one atomic check that refuses a replayed code, however many requests present it at once.
     */
    Mono<Boolean> useTotpStep(UserId userId, long step);

    /** Removes the TOTP factor; true when there was one. */
    Mono<Boolean> deleteTotp(UserId userId);

    /** Replaces the user's recovery codes (voiding every earlier one) by these hashes. */
    Mono<Void> replaceRecoveryCodes(UserId userId, List<String> codeHashes, Instant now);

    /** Uses the unused recovery code with this hash once; false when there is none (wrong, or already used). */
    Mono<Boolean> useRecoveryCode(UserId userId, String codeHash, Instant now);

    /** How many unused recovery codes the user has. */
    Mono<Integer> remainingRecoveryCodes(UserId userId);

    /** Removes the TOTP factor and every recovery code; true when there was anything. */
    Mono<Boolean> deleteAll(UserId userId);
}
