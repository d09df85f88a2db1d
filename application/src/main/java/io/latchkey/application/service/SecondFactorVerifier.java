package io.latchkey.application.service;

import io.latchkey.domain.error.InvalidSecondFactorException;
import io.latchkey.domain.error.RateLimitedException;
import io.latchkey.domain.model.abuse.LockoutPolicy;
import io.latchkey.domain.model.abuse.LockoutSubject;
import io.latchkey.domain.model.mail.OutgoingMail;
import io.latchkey.domain.model.mfa.MfaPolicy;
import io.latchkey.domain.model.mfa.RecoveryCode;
import io.latchkey.domain.model.mfa.Totp;
import io.latchkey.domain.model.mfa.TotpFactor;
import io.latchkey.domain.model.session.AuthMethod;
import io.latchkey.domain.model.user.User;
import io.latchkey.domain.model.user.UserId;
import io.latchkey.domain.port.FactorSecretCipher;
import io.latchkey.domain.port.IdGenerator;
import io.latchkey.domain.port.LoginFailures;
import io.latchkey.domain.port.MailOutbox;
import io.latchkey.domain.port.PasskeyRepository;
import io.latchkey.domain.port.SecondFactorRepository;
import io.latchkey.domain.port.TransactionRunner;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Checks a second factor of an account: a TOTP code (±1 step, each step accepted once, by one conditional UPDATE) or
 * an unused recovery code (used up by one conditional UPDATE, and announced by mail). Wrong codes count towards a
 * lockout of the account's second factor, kept apart from its password count; a right one clears it.
 */
public final class SecondFactorVerifier {

    private final SecondFactorRepository factors;
    private final PasskeyRepository passkeys;
    private final FactorSecretCipher cipher;
    private final LoginFailures failures;
    private final LockoutPolicy lockout;
    private final MailOutbox mail;
    private final TransactionRunner transactions;
    private final IdGenerator ids;
    private final InstantSource clock;

    public SecondFactorVerifier(SecondFactorRepository factors, PasskeyRepository passkeys, FactorSecretCipher cipher, LoginFailures failures,
            LockoutPolicy lockout, MailOutbox mail, TransactionRunner transactions, IdGenerator ids,
            InstantSource clock) {
        this.factors = factors;
        this.passkeys = passkeys;
        this.cipher = cipher;
        this.failures = failures;
        this.lockout = lockout;
        this.mail = mail;
        this.transactions = transactions;
        this.ids = ids;
        this.clock = clock;
    }

    /** Whether the account has an active second factor (TOTP or a passkey), i.e. sign-in and step-up must ask for it. */
    public Mono<Boolean> hasSecondFactor(UserId userId) {
        return methodsOf(userId).map(methods -> !methods.isEmpty());
    }

    /**
     * The methods that can complete a challenge for this account, as the MFA response lists them: {@code otp} and
     * {@code recovery_code} with an active TOTP factor, {@code passkey} with a registered passkey.
     */
    Mono<java.util.List<String>> methodsOf(UserId userId) {
        return factors.findTotp(userId).map(TotpFactor::isConfirmed).defaultIfEmpty(false)
                .zipWith(passkeys.findByUser(userId).hasElements())
                .map(found -> {
                    java.util.List<String> methods = new java.util.ArrayList<>();
                    if (found.getT1()) {
                        methods.add("otp");
                        methods.add("recovery_code");
                    }
                    if (found.getT2()) {
                        methods.add("passkey");
                    }
                    return java.util.List.copyOf(methods);
                });
    }

    /**
     * The method proved by {@code totpCode} or {@code recoveryCode} (exactly one must be given): {@link AuthMethod#OTP}
     * for both, a recovery code being a one-time password the user printed. Fails with
     * {@link InvalidSecondFactorException} or, when locked, {@link RateLimitedException}.
     */
    Mono<AuthMethod> verify(User user, @Nullable String totpCode, @Nullable String recoveryCode) {
        Instant now = clock.instant();
        return underLockout(user, totpCode != null ? totp(user.id(), totpCode, now) : recovery(user, recoveryCode, now))
                .thenReturn(AuthMethod.OTP);
    }

    /**
     * Runs {@code check} (subscribed only when the account's second factor is not locked) as one attempt against the
     * second-factor lockout: a wrong code counts and fails with {@link InvalidSecondFactorException}, a right one
     * clears the count; when locked, fails with {@link RateLimitedException}.
     */
    Mono<Void> underLockout(User user, Mono<Boolean> check) {
        LockoutSubject subject = LockoutSubject.secondFactor(user.email());
        Instant now = clock.instant();
        return failures.recordAttempt(subject, now, lockout)
                .flatMap(recorded -> recorded.admitted() || recorded.lockedUntil() == null ? Mono.<Void>empty()
                        : Mono.<Void>error(new RateLimitedException(Duration.between(now, recorded.lockedUntil()))))
                .then(check)
                .flatMap(ok -> ok ? failures.clear(subject) : Mono.error(new InvalidSecondFactorException()));
    }

    private Mono<Boolean> totp(UserId userId, String code, Instant now) {
        if (!Totp.isWellFormed(code)) {
            return Mono.just(false);
        }
        return factors.findTotp(userId).filter(TotpFactor::isConfirmed)
                .flatMap(factor -> {
                    OptionalLong step = Totp.matchingStep(cipher.open(factor.secret()).value(), code, now,
                            MfaPolicy.TOTP_DRIFT_STEPS);
                    return step.isPresent() ? factors.useTotpStep(userId, step.getAsLong()) : Mono.just(false);
                })
                .defaultIfEmpty(false);
    }

    private Mono<Boolean> recovery(User user, @Nullable String typed, Instant now) {
        if (typed == null || typed.length() > 64) {
            return Mono.just(false);
        }
        RecoveryCode code = RecoveryCode.parse(typed);
        return transactions.inTransaction(factors.useRecoveryCode(user.id(), code.hash(user.id()), now)
                .flatMap(used -> used
                        ? factors.remainingRecoveryCodes(user.id())
                                .flatMap(left -> mail.enqueue(recoveryCodeUsed(user, left, now).queued()))
                                .thenReturn(true)
                        : Mono.just(false)));
    }

    private OutgoingMail recoveryCodeUsed(User user, int left, Instant now) {
        return new OutgoingMail(ids.newId(), user.email(), "A recovery code was used to sign in", """
                A recovery code of your account was used at %s (UTC) in place of your authenticator app.
                %d unused recovery codes remain.

                If this was not you, change your password and generate new recovery codes at once.
                """.formatted(now, left), null);
    }
}
