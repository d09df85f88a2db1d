package io.latchkey.application.service;

import io.latchkey.domain.model.user.AccountPolicy;
import io.latchkey.domain.model.user.User;
import io.latchkey.domain.model.verification.VerificationCode;
import io.latchkey.domain.port.MailOutbox;
import io.latchkey.domain.port.OneTimeSecrets;
import io.latchkey.domain.port.TransactionRunner;
import io.latchkey.domain.port.VerificationCodeStore;
import java.time.InstantSource;
import reactor.core.publisher.Mono;

/**
 * Issues a verification code: stored (as an HMAC, with its attempt counter) in Redis first, so with Redis down
 * no code is issued at all; then queued for mail. If queuing fails, the stored code is dropped again.
 */
final class VerificationMailer {

    private final VerificationCodeStore codes;
    private final OneTimeSecrets secrets;
    private final MailOutbox mails;
    private final MailComposer composer;
    private final TransactionRunner transactions;
    private final AccountPolicy policy;
    private final InstantSource clock;

    VerificationMailer(VerificationCodeStore codes, OneTimeSecrets secrets, MailOutbox mails, MailComposer composer,
            TransactionRunner transactions, AccountPolicy policy, InstantSource clock) {
        this.codes = codes;
        this.secrets = secrets;
        this.mails = mails;
        this.composer = composer;
        this.transactions = transactions;
        this.policy = policy;
        this.clock = clock;
    }

    Mono<Void> issue(User user) {
        return Mono.defer(() -> {
            VerificationCode code = secrets.newVerificationCode();
            return codes.save(user.email(), code, policy.verificationCodeTtl())
                    .then(transactions.inTransaction(mails.enqueue(composer.verificationCode(user.email(), code,
                                    clock.instant())))
                            .onErrorResume(e -> codes.discard(user.email()).onErrorResume(ignored -> Mono.empty())
                                    .then(Mono.error(e))));
        });
    }
}
