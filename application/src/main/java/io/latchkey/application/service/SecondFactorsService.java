package io.latchkey.application.service;

import io.latchkey.application.usecase.ConfirmTotpUseCase;
import io.latchkey.application.usecase.DisableTotpUseCase;
import io.latchkey.application.usecase.EnrolTotpCommand;
import io.latchkey.application.usecase.EnrolTotpUseCase;
import io.latchkey.application.usecase.GetMfaStatusUseCase;
import io.latchkey.application.usecase.MfaCallerCommand;
import io.latchkey.application.usecase.MfaStatus;
import io.latchkey.application.usecase.RecoveryCodes;
import io.latchkey.application.usecase.RegenerateRecoveryCodesUseCase;
import io.latchkey.application.usecase.TotpEnrolment;
import io.latchkey.domain.error.FactorConflictException;
import io.latchkey.domain.error.SessionRevokedException;
import io.latchkey.domain.event.UserMfaDisabled;
import io.latchkey.domain.event.UserMfaEnabled;
import io.latchkey.domain.model.mfa.MfaPolicy;
import io.latchkey.domain.model.mfa.RecoveryCode;
import io.latchkey.domain.model.mfa.Totp;
import io.latchkey.domain.model.mfa.TotpFactor;
import io.latchkey.domain.model.mfa.TotpSecret;
import io.latchkey.domain.model.session.RevocationReason;
import io.latchkey.application.service.SessionRevoker.Revocation;
import io.latchkey.domain.model.user.User;
import io.latchkey.domain.model.user.UserId;
import io.latchkey.domain.port.OutboxWriter;
import io.latchkey.domain.port.FactorSecretCipher;
import io.latchkey.domain.port.FactorSecretGenerator;
import io.latchkey.domain.port.IdGenerator;
import io.latchkey.domain.port.SecondFactorRepository;
import io.latchkey.domain.port.TransactionRunner;
import io.latchkey.domain.port.UserRepository;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.OptionalLong;
import reactor.core.publisher.Mono;

/**
 * The caller's own TOTP factor and recovery codes. Starting an enrolment, disabling and regenerating need a step-up
 * ({@link StepUpGuard}); confirming needs a code of the pending secret, which proves the app holds it, counts towards
 * the second-factor lockout like every other code check, answers the first recovery codes and revokes the account's
 * other sessions (opened without the factor). Regenerating replaces the set in one transaction, serialised per user.
 * Secrets are stored sealed ({@link FactorSecretCipher}), recovery codes as hashes ({@link RecoveryCode}).
 */
public final class SecondFactorsService implements EnrolTotpUseCase, ConfirmTotpUseCase, DisableTotpUseCase,
        RegenerateRecoveryCodesUseCase, GetMfaStatusUseCase {

    private final UserRepository users;
    private final SecondFactorRepository factors;
    private final FactorSecretCipher cipher;
    private final FactorSecretGenerator secrets;
    private final StepUpGuard stepUp;
    private final SecondFactorVerifier verifier;
    private final SessionRevoker revoker;
    private final OutboxWriter events;
    private final TransactionRunner transactions;
    private final IdGenerator ids;
    private final MfaPolicy policy;
    private final InstantSource clock;

    public SecondFactorsService(UserRepository users, SecondFactorRepository factors, FactorSecretCipher cipher,
            FactorSecretGenerator secrets, StepUpGuard stepUp, SecondFactorVerifier verifier, SessionRevoker revoker,
            OutboxWriter events, TransactionRunner transactions, IdGenerator ids, MfaPolicy policy,
            InstantSource clock) {
        this.verifier = verifier;
        this.revoker = revoker;
        this.users = users;
        this.factors = factors;
        this.cipher = cipher;
        this.secrets = secrets;
        this.stepUp = stepUp;
        this.events = events;
        this.transactions = transactions;
        this.ids = ids;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public Mono<TotpEnrolment> enrol(EnrolTotpCommand command) {
        return stepUp.require(command.userId(), command.sessionId())
                .then(user(command.userId()))
                .flatMap(user -> {
                    TotpSecret secret = secrets.newTotpSecret();
                    return factors.savePendingTotp(TotpFactor.pending(user.id(), cipher.seal(secret), clock.instant()))
                            .flatMap(saved -> saved
                                    ? Mono.just(new TotpEnrolment(secret.base32(),
                                            secret.keyUri(policy.totpIssuer(), user.email().value())))
                                    : Mono.error(new FactorConflictException(
                                            "TOTP is already active on this account; disable it first to enrol another app.")));
                });
    }

    @Override
    public Mono<RecoveryCodes> confirm(MfaCallerCommand command) {
        return Mono.defer(() -> {
            InputViolations input = new InputViolations();
            String code = input.required(command.code(), "code", String::strip);
            input.throwIfAny();
            Instant now = clock.instant();
            return user(command.userId()).flatMap(user -> factors.findTotp(command.userId())
                    .filter(factor -> !factor.isConfirmed())
                    .switchIfEmpty(Mono.error(() -> new FactorConflictException(
                            "No TOTP enrolment is pending; start one with POST /api/v1/me/mfa/totp.")))
                    .flatMap(factor -> {
                        OptionalLong step = Totp.isWellFormed(code)
                                ? Totp.matchingStep(cipher.open(factor.secret()).value(), code, now, MfaPolicy.TOTP_DRIFT_STEPS)
                                : OptionalLong.empty();
                        // Wrong codes count like at login: otherwise any session could guess a pending enrolment.
                        return verifier.underLockout(user, Mono.just(step.isPresent()))
                                .then(Mono.defer(() -> activate(command, step.getAsLong(), now)));
                    }));
        });
    }

    private Mono<RecoveryCodes> activate(MfaCallerCommand command, long step, Instant now) {
        List<RecoveryCode> codes = secrets.newRecoveryCodes();
        return transactions.inTransaction(factors.confirmTotp(command.userId(), step, now)
                        .flatMap(confirmed -> !confirmed ? Mono.<Revocation>empty()
                                : factors.replaceRecoveryCodes(command.userId(),
                                                codes.stream().map(code -> code.hash(command.userId())).toList(), now)
                                        .then(events.write(new UserMfaEnabled(ids.newId(), command.userId(), now, "totp")))
                                        .then(revoker.revokeOthersWithin(command.userId(), command.sessionId(),
                                                RevocationReason.MFA_ENABLED, now))))
                .switchIfEmpty(Mono.error(() -> new FactorConflictException("The TOTP enrolment was already confirmed.")))
                .flatMap(revoker::afterCommit)
                .then(Mono.fromSupplier(() -> new RecoveryCodes(codes.stream().map(RecoveryCode::value).toList())));
    }

    @Override
    public Mono<Void> disable(MfaCallerCommand command) {
        return stepUp.require(command.userId(), command.sessionId())
                .then(Mono.defer(() -> {
                    Instant now = clock.instant();
                    return transactions.inTransaction(factors.deleteAll(command.userId())
                            .flatMap(removed -> removed
                                    ? events.write(new UserMfaDisabled(ids.newId(), command.userId(), now, "totp",
                                            UserMfaDisabled.BY_USER, null)).thenReturn(true)
                                    : Mono.just(false)));
                }))
                .flatMap(removed -> removed ? Mono.<Void>empty()
                        : Mono.error(new FactorConflictException("This account has no TOTP factor.")));
    }

    @Override
    public Mono<RecoveryCodes> regenerate(MfaCallerCommand command) {
        return stepUp.require(command.userId(), command.sessionId())
                .then(factors.findTotp(command.userId()))
                .filter(TotpFactor::isConfirmed)
                .switchIfEmpty(Mono.error(() -> new FactorConflictException(
                        "Recovery codes back up an active TOTP factor; this account has none.")))
                .flatMap(factor -> {
                    List<RecoveryCode> codes = secrets.newRecoveryCodes();
                    // One transaction: the old set is gone exactly when the new one is stored (the repository
                    // serialises concurrent replacements for the user).
                    return transactions.inTransaction(factors.replaceRecoveryCodes(command.userId(),
                                    codes.stream().map(code -> code.hash(command.userId())).toList(), clock.instant()))
                            .thenReturn(new RecoveryCodes(codes.stream().map(RecoveryCode::value).toList()));
                });
    }

    @Override
    public Mono<MfaStatus> status(UserId userId) {
        return factors.findTotp(userId)
                .map(factor -> factor.isConfirmed() ? "active" : "pending")
                .defaultIfEmpty("none")
                .zipWith(factors.remainingRecoveryCodes(userId), MfaStatus::new);
    }

    private Mono<User> user(UserId id) {
        return users.findById(id).switchIfEmpty(Mono.error(SessionRevokedException::new));
    }
}
