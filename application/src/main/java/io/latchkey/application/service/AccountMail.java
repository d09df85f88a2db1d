package io.latchkey.application.service;

import io.latchkey.domain.model.user.AccountPolicy;
import io.latchkey.domain.port.IdGenerator;
import io.latchkey.domain.port.MailOutbox;
import io.latchkey.domain.port.OneTimeSecrets;
import io.latchkey.domain.port.TransactionRunner;
import io.latchkey.domain.port.VerificationCodeStore;
import java.time.InstantSource;

/** What the account services need to mail codes and tokens: the secrets, the code store and the mail outbox. */
public final class AccountMail {

    private final VerificationCodeStore codes;
    private final OneTimeSecrets secrets;
    private final MailOutbox outbox;
    private final MailComposer composer;
    private final VerificationMailer verification;

    public AccountMail(VerificationCodeStore codes, OneTimeSecrets secrets, MailOutbox outbox, IdGenerator ids,
            TransactionRunner transactions, AccountPolicy policy, InstantSource clock) {
        this.codes = codes;
        this.secrets = secrets;
        this.outbox = outbox;
        this.composer = new MailComposer(ids, policy);
        this.verification = new VerificationMailer(codes, secrets, outbox, composer, transactions, policy, clock);
    }

    VerificationCodeStore codes() {
        return codes;
    }

    OneTimeSecrets secrets() {
        return secrets;
    }

    MailOutbox outbox() {
        return outbox;
    }

    MailComposer composer() {
        return composer;
    }

    VerificationMailer verification() {
        return verification;
    }
}
