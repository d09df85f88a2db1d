package io.latchkey.application.service;

import io.latchkey.application.usecase.RequestPasswordResetCommand;
import io.latchkey.application.usecase.RequestPasswordResetUseCase;
import io.latchkey.domain.model.abuse.AbuseLimits;
import io.latchkey.domain.model.reset.PasswordResetToken;
import io.latchkey.domain.model.user.AccountPolicy;
import io.latchkey.domain.model.user.Email;
import io.latchkey.domain.port.MailOutbox;
import io.latchkey.domain.port.OneTimeSecrets;
import io.latchkey.domain.port.PasswordResetTokens;
import io.latchkey.domain.port.TransactionRunner;
import io.latchkey.domain.port.UserRepository;
import java.time.Instant;
import java.time.InstantSource;
import reactor.core.publisher.Mono;

/**
 * Stores a single-use token's hash and queues its mail in one transaction, for an active account only. The
 * rate limits count every address, and the caller always gets the same 202, so nothing tells accounts apart.
 */
public final class RequestPasswordResetService implements RequestPasswordResetUseCase {

    private final UserRepository users;
    private final PasswordResetTokens resetTokens;
    private final OneTimeSecrets secrets;
    private final MailOutbox mails;
    private final MailComposer composer;
    private final TransactionRunner transactions;
    private final AttemptGate gate;
    private final AbuseLimits limits;
    private final AccountPolicy policy;
    private final InstantSource clock;

    public RequestPasswordResetService(UserRepository users, PasswordResetTokens resetTokens, AccountMail accountMail,
            TransactionRunner transactions, AttemptGate gate, AbuseLimits limits, AccountPolicy policy,
            InstantSource clock) {
        this.users = users;
        this.resetTokens = resetTokens;
        this.secrets = accountMail.secrets();
        this.mails = accountMail.outbox();
        this.composer = accountMail.composer();
        this.transactions = transactions;
        this.gate = gate;
        this.limits = limits;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public Mono<Void> request(RequestPasswordResetCommand command) {
        return Mono.defer(() -> {
            InputViolations input = new InputViolations();
            Email email = input.required(command.email(), "email", raw -> Email.parse(raw, "email"));
            input.throwIfAny();
            return gate.admit(AttemptGate.check(limits.resetPerIp(), command.clientIp()),
                            AttemptGate.check(limits.resetPerAccount(), email.value()))
                    .then(users.findByEmail(email))
                    .filter(user -> user.canAuthenticate())
                    .flatMap(user -> {
                        Instant now = clock.instant();
                        PasswordResetToken token = secrets.newPasswordResetToken();
                        return transactions.inTransaction(resetTokens
                                .save(token.hash(), user.id(), now.plus(policy.resetTokenTtl()), now)
                                .then(mails.enqueue(composer.passwordReset(user.email(), token, now))));
                    });
        });
    }
}
