package io.latchkey.application.service;

import io.latchkey.domain.model.mail.MailContent;
import io.latchkey.domain.model.mail.OutgoingMail;
import io.latchkey.domain.model.mail.QueuedMail;
import io.latchkey.domain.model.user.AccountPolicy;
import io.latchkey.domain.model.user.Email;
import io.latchkey.domain.port.IdGenerator;
import io.latchkey.domain.port.MailOutbox;
import io.latchkey.domain.port.OneTimeSecrets;
import io.latchkey.domain.port.VerificationCodeStore;
import java.time.InstantSource;
import reactor.core.publisher.Mono;

/** What the account services need to mail codes and tokens: the secrets, the code store and the mail outbox. */
public final class AccountMail {

    private final VerificationCodeStore codes;
    private final OneTimeSecrets secrets;
    private final MailOutbox outbox;
    private final MailComposer composer;
    private final AccountPolicy policy;
    private final IdGenerator ids;
    private final InstantSource clock;

    public AccountMail(VerificationCodeStore codes, OneTimeSecrets secrets, MailOutbox outbox, IdGenerator ids,
            AccountPolicy policy, InstantSource clock) {
        this.codes = codes;
        this.secrets = secrets;
        this.outbox = outbox;
        this.composer = new MailComposer(ids, policy);
        this.policy = policy;
        this.ids = ids;
        this.clock = clock;
    }

    /** Queues a verification-code mail for the address; call it inside the transaction that decides to send it. */
    Mono<Void> queueVerificationCode(Email to) {
        return Mono.defer(() -> outbox.enqueue(QueuedMail.writtenAtSend(ids.newId(), to, new MailContent.VerificationCode(),
                clock.instant().plus(policy.verificationCodeTtl()))));
    }

    /** Queues a password-reset mail for the address; call it inside the transaction that decides to send it. */
    Mono<Void> queuePasswordReset(Email to) {
        return Mono.defer(() -> outbox.enqueue(QueuedMail.writtenAtSend(ids.newId(), to, new MailContent.PasswordReset(),
                clock.instant().plus(policy.resetTokenTtl()))));
    }

    /** Queues a mail written now. */
    Mono<Void> queue(OutgoingMail mail) {
        return outbox.enqueue(mail.queued());
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

}
