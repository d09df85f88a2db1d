package io.latchkey.application.service;

import io.latchkey.application.usecase.RequestPasswordResetCommand;
import io.latchkey.application.usecase.RequestPasswordResetUseCase;
import io.latchkey.domain.model.abuse.AbuseLimits;
import io.latchkey.domain.model.user.Email;
import io.latchkey.domain.port.TransactionRunner;
import reactor.core.publisher.Mono;

/**
 * Queues a password-reset mail for the address, whatever it is: the same single write for every address, so
 * neither the answer nor its timing tells whether an account exists. The mail relay looks the account up when it
 * sends, makes the single-use token then, and drops the mail if there is no active account.
 */
public final class RequestPasswordResetService implements RequestPasswordResetUseCase {

    private final AccountMail mail;
    private final TransactionRunner transactions;
    private final AttemptGate gate;
    private final AbuseLimits limits;

    public RequestPasswordResetService(AccountMail accountMail, TransactionRunner transactions, AttemptGate gate,
            AbuseLimits limits) {
        this.mail = accountMail;
        this.transactions = transactions;
        this.gate = gate;
        this.limits = limits;
    }

    @Override
    public Mono<Void> request(RequestPasswordResetCommand command) {
        return Mono.defer(() -> {
            InputViolations input = new InputViolations();
            Email email = input.required(command.email(), "email", raw -> Email.parse(raw, "email"));
            input.throwIfAny();
            return gate.admit(AttemptGate.check(limits.resetPerIp(), command.clientIp()),
                            AttemptGate.check(limits.resetPerAccount(), email.key()))
                    .then(Mono.defer(() -> transactions.inTransaction(mail.queuePasswordReset(email))));
        });
    }
}
