package io.latchkey.testsupport;

import java.util.List;

/** A mail the test SMTP server received: its recipients, subject and plain-text body. */
public record ReceivedMail(List<String> recipients, String subject, String body) {

    public ReceivedMail {
        recipients = List.copyOf(recipients);
    }
}
