package io.latchkey.domain.model.mail;

import java.util.Objects;

/**
 * What a queued mail will say: already written, or written only when it is sent. Verification and reset mails
 * are the latter, so asking for one costs the same whether or not the address has an account: the account is
 * looked up, and the code or token made, by the relay.
 */
public sealed interface MailContent permits MailContent.Written, MailContent.VerificationCode, MailContent.PasswordReset {

    /** A subject and plain-text body, ready to send. */
    record Written(String subject, String body) implements MailContent {

        public Written {
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(body, "body");
        }
    }

    /** A fresh verification code, if the recipient has an active, unverified account; otherwise nothing is sent. */
    record VerificationCode() implements MailContent {
    }

    /** A reset token for the recipient's account, if it has an active one; otherwise nothing is sent. */
    record PasswordReset() implements MailContent {
    }
}
