package io.latchkey.adapters.mail;

import java.util.Objects;

/** The sender address on every mail. */
public record MailSettings(String from) {

    public MailSettings {
        Objects.requireNonNull(from, "from");
        if (from.isBlank()) {
            throw new IllegalArgumentException("a sender address is required");
        }
    }
}
