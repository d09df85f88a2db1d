package io.latchkey.application.service;

import io.latchkey.domain.model.mail.OutgoingMail;
import io.latchkey.domain.model.reset.PasswordResetToken;
import io.latchkey.domain.model.user.AccountPolicy;
import io.latchkey.domain.model.user.Email;
import io.latchkey.domain.port.OneTimeSecrets;
import io.latchkey.domain.port.PasswordResetTokens;
import io.latchkey.domain.port.UserRepository;
import java.time.Instant;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Writes a queued password-reset mail when the relay sends it: stores a fresh token's hash for the address's
 * active account and puts the token in the mail; empty when there is no such account, and nothing is sent.
 */
public final class PasswordResetMailer {

    private final UserRepository users;
    private final PasswordResetTokens resetTokens;
    private final OneTimeSecrets secrets;
    private final MailComposer composer;
    private final AccountPolicy policy;

    public PasswordResetMailer(UserRepository users, PasswordResetTokens resetTokens, AccountMail accountMail,
            AccountPolicy policy) {
        this.users = users;
        this.resetTokens = resetTokens;
        this.secrets = accountMail.secrets();
        this.composer = accountMail.composer();
        this.policy = policy;
    }

    /**
     * Runs inside the relay's transaction. Each attempt makes a new token; one whose mail failed to send is never
     * known to anybody and simply expires.
     */
    Mono<OutgoingMail> write(UUID mailId, Email to, Instant now) {
        return users.findByEmail(to)
                .filter(user -> user.canAuthenticate())
                .flatMap(user -> {
                    PasswordResetToken token = secrets.newPasswordResetToken();
                    return resetTokens.save(token.hash(), user.id(), now.plus(policy.resetTokenTtl()), now)
                            .thenReturn(composer.passwordReset(mailId, user.email(), token, now));
                });
    }
}
