package io.latchkey.domain.model.mail;

import java.util.Objects;

/**
 * What a queued mail will say: already written, or written only when it is sent. A password-reset mail is the
 * latter, so asking for one costs the same whether or not the address has an account: the account is looked up,
 * and the token made, by the relay.
 */
public sealed interface MailContent permits MailContent.Written, MailContent.PasswordReset {

    /** A subject and plain-text body, ready to send. */
    record Written(String subject, String body) implements MailContent {

        public Written {
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(body, "body");
        }
    }

    /** A reset token for the recipient's account, if it has an active one; otherwise nothing is sent. */
    record PasswordReset() implements MailContent {
    }
}
