package io.latchkey.application.service;

import io.latchkey.application.usecase.RequestEmailVerificationCommand;
import io.latchkey.application.usecase.RequestEmailVerificationUseCase;
import io.latchkey.domain.model.abuse.AbuseLimits;
import io.latchkey.domain.model.user.Email;
import io.latchkey.domain.port.TransactionRunner;
import reactor.core.publisher.Mono;

/**
 * Resend: the per-address cooldown counts every address, registered or not, and every address gets the same
 * single queued row, so neither the answer (202, or 429 inside the cooldown) nor its timing tells whether an
 * account exists. The mail relay issues the code, and only for an active, unverified account.
 */
public final class RequestEmailVerificationService implements RequestEmailVerificationUseCase {

    private final AttemptGate gate;
    private final AbuseLimits limits;
    private final AccountMail mail;
    private final TransactionRunner transactions;

    public RequestEmailVerificationService(AttemptGate gate, AbuseLimits limits, AccountMail accountMail,
            TransactionRunner transactions) {
        this.gate = gate;
        this.limits = limits;
        this.mail = accountMail;
        this.transactions = transactions;
    }

    @Override
    public Mono<Void> request(RequestEmailVerificationCommand command) {
        return Mono.defer(() -> {
            InputViolations input = new InputViolations();
            Email email = input.required(command.email(), "email", raw -> Email.parse(raw, "email"));
            input.throwIfAny();
            return gate.admit(AttemptGate.check(limits.resendPerIp(), command.clientIp()),
                            AttemptGate.check(limits.resendPerAccount(), email.key()))
                    .then(Mono.defer(() -> transactions.inTransaction(mail.queueVerificationCode(email))));
        });
    }
}
