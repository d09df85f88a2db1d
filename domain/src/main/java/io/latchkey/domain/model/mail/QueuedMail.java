package io.latchkey.domain.model.mail;

import java.util.Objects;

/** A mail claimed from the outbox, with how many deliveries of it failed so far. */
public record QueuedMail(OutgoingMail mail, int attempts) {

    public QueuedMail {
        Objects.requireNonNull(mail, "mail");
    }
}
