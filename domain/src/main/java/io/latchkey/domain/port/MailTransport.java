package io.latchkey.domain.port;

import io.latchkey.domain.model.mail.OutgoingMail;
import reactor.core.publisher.Mono;

/** Hands a mail to the outside world (SMTP); fails when it was not accepted. */
public interface MailTransport {

    Mono<Void> send(OutgoingMail mail);
}
