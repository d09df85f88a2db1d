package io.latchkey.application.service;

import io.latchkey.domain.model.mail.MailContent;
import io.latchkey.domain.model.mail.OutgoingMail;
import io.latchkey.domain.model.mail.QueuedMail;
import io.latchkey.domain.model.reset.PasswordResetToken;
import io.latchkey.domain.model.user.AccountPolicy;
import io.latchkey.domain.model.verification.VerificationCode;
import io.latchkey.domain.port.OneTimeSecrets;
import io.latchkey.domain.port.PasswordResetTokens;
import io.latchkey.domain.port.UserRepository;
import io.latchkey.domain.port.VerificationCodeStore;
import java.time.Instant;
import reactor.core.publisher.Mono;

/**
 * Turns a queued mail into the mail to send, when the relay sends it. Verification and reset mails are written
 * only now: the account is looked up by the queued address's key, and a fresh code (stored as an HMAC in Redis,
 * replacing any earlier one) or reset token (its hash stored in PostgreSQL, inside the relay's transaction,
 * replacing every earlier one) is made, and the mail goes to the account's registered address, whatever spelling
 * asked for it. Empty when the address has
 * no account that should get it, and nothing is sent. A code or token whose mail then fails to send is never known
 * to anybody; the next attempt makes a new one.
 */
public final class MailWriter {

    private final UserRepository users;
    private final PasswordResetTokens resetTokens;
    private final VerificationCodeStore codes;
    private final OneTimeSecrets secrets;
    private final MailComposer composer;
    private final AccountPolicy policy;

    public MailWriter(UserRepository users, PasswordResetTokens resetTokens, AccountMail accountMail,
            AccountPolicy policy) {
        this.users = users;
        this.resetTokens = resetTokens;
        this.codes = accountMail.codes();
        this.secrets = accountMail.secrets();
        this.composer = accountMail.composer();
        this.policy = policy;
    }

    Mono<OutgoingMail> write(QueuedMail queued, Instant now) {
        return switch (queued.content()) {
            case MailContent.Written written -> Mono.just(new OutgoingMail(queued.id(), queued.to(), written.subject(),
                    written.body(), queued.expiresAt()));
            case MailContent.VerificationCode ignored -> verificationCode(queued, now);
            case MailContent.PasswordReset ignored -> passwordReset(queued, now);
        };
    }

    private Mono<OutgoingMail> verificationCode(QueuedMail queued, Instant now) {
        return users.findByEmail(queued.to())
                .filter(user -> user.canAuthenticate() && !user.emailVerified())
                .flatMap(user -> {
                    VerificationCode code = secrets.newVerificationCode();
                    return codes.save(user.email(), code, policy.verificationCodeTtl())
                            .thenReturn(composer.verificationCode(queued.id(), user.email(), code, now));
                });
    }

    private Mono<OutgoingMail> passwordReset(QueuedMail queued, Instant now) {
        return users.findByEmail(queued.to())
                .filter(user -> user.canAuthenticate())
                .flatMap(user -> {
                    PasswordResetToken token = secrets.newPasswordResetToken();
                    // A new token supersedes every earlier one: only the latest mail can reset the password. While
                    // another relay is writing one for the same account, this mail waits for the next attempt.
                    return resetTokens.replaceFor(user.id(), token.hash(), now.plus(policy.resetTokenTtl()), now)
                            .flatMap(replaced -> replaced
                                    ? Mono.just(composer.passwordReset(queued.id(), user.email(), token, now))
                                    : Mono.error(new IllegalStateException(
                                            "another reset mail for this account is being written")));
                });
    }
}
