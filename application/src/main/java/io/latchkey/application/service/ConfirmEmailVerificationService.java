package io.latchkey.application.service;

import io.latchkey.application.usecase.ConfirmEmailVerificationCommand;
import io.latchkey.application.usecase.ConfirmEmailVerificationUseCase;
import io.latchkey.domain.error.InvalidVerificationCodeException;
import io.latchkey.domain.event.EmailVerified;
import io.latchkey.domain.model.abuse.AbuseLimits;
import io.latchkey.domain.model.user.AccountPolicy;
import io.latchkey.domain.model.user.Email;
import io.latchkey.domain.model.verification.CodeCheck;
import io.latchkey.domain.model.verification.VerificationCode;
import io.latchkey.domain.port.OutboxWriter;
import io.latchkey.domain.port.IdGenerator;
import io.latchkey.domain.port.TransactionRunner;
import io.latchkey.domain.port.UserRepository;
import io.latchkey.domain.port.VerificationCodeStore;
import java.time.Instant;
import java.time.InstantSource;
import reactor.core.publisher.Mono;

/**
 * Checks the code atomically in Redis (a wrong one uses an attempt; the last attempt burns it), then marks the
 * email verified with its {@code user.email_verified} event and purges the caches that said otherwise.
 */
public final class ConfirmEmailVerificationService implements ConfirmEmailVerificationUseCase {

    private final UserRepository users;
    private final VerificationCodeStore codes;
    private final OutboxWriter events;
    private final TransactionRunner transactions;
    private final SessionRevoker revoker;
    private final AttemptGate gate;
    private final AbuseLimits limits;
    private final AccountPolicy policy;
    private final IdGenerator ids;
    private final InstantSource clock;

    public ConfirmEmailVerificationService(UserRepository users, AccountMail accountMail, OutboxWriter events,
            TransactionRunner transactions, SessionRevoker revoker, AttemptGate gate, AbuseLimits limits,
            AccountPolicy policy, IdGenerator ids, InstantSource clock) {
        this.users = users;
        this.codes = accountMail.codes();
        this.events = events;
        this.transactions = transactions;
        this.revoker = revoker;
        this.gate = gate;
        this.limits = limits;
        this.policy = policy;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public Mono<Void> confirm(ConfirmEmailVerificationCommand command) {
        return Mono.defer(() -> {
            InputViolations input = new InputViolations();
            Email email = input.required(command.email(), "email", raw -> Email.parse(raw, "email"));
            VerificationCode code = input.required(command.code(), "code", raw -> VerificationCode.parse(raw, "code"));
            input.throwIfAny();
            return gate.admit(AttemptGate.check(limits.verifyPerIp(), command.clientIp()),
                            AttemptGate.check(limits.verifyPerAccount(), email.key()))
                    .then(codes.check(email, code, policy.maxCodeAttempts()))
                    .flatMap(check -> check == CodeCheck.ACCEPTED
                            ? markVerified(email).onErrorResume(e -> restore(email, code, e))
                            : Mono.error(new InvalidVerificationCodeException()));
        });
    }

    /** The code was used up but nothing was recorded (PostgreSQL failed): put it back, so it can be tried again. */
    private Mono<Void> restore(Email email, VerificationCode code, Throwable failure) {
        if (failure instanceof InvalidVerificationCodeException) {
            return Mono.error(failure);
        }
        return codes.save(email, code, policy.verificationCodeTtl()).onErrorResume(e -> Mono.empty())
                .then(Mono.error(failure));
    }

    private Mono<Void> markVerified(Email email) {
        return users.findByEmail(email)
                .switchIfEmpty(Mono.error(InvalidVerificationCodeException::new))
                .flatMap(user -> {
                    Instant now = clock.instant();
                    return transactions.inTransaction(users.markEmailVerified(user.id(), now)
                                    .flatMap(changed -> changed
                                            ? events.write(new EmailVerified(ids.newId(), user.id(), now))
                                            : Mono.empty()))
                            .then(revoker.purgeUser(user.id()));
                });
    }
}
