package io.latchkey.domain.model.mail;

/**
 * The mail can never be delivered as it is: a malformed recipient, or a permanent (5xx) refusal. Retrying would
 * only hold up the mails behind it, so the relay drops it.
 */
public final class MailRejectedException extends RuntimeException {

    public MailRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
