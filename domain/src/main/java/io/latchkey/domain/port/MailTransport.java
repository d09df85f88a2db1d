package io.latchkey.domain.port;

import io.latchkey.domain.model.mail.OutgoingMail;
import reactor.core.publisher.Mono;

/**
 * Hands a mail to the outside world (SMTP); fails when it was not accepted: with
 * {@link io.latchkey.domain.model.mail.MailRejectedException} when it never will be, with anything else when a
 * later attempt may succeed.
 */
public interface MailTransport {

    Mono<Void> send(OutgoingMail mail);
}
