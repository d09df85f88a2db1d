package io.latchkey.bootstrap.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code latchkey.mail.*}: the sender address and how the mail relay polls its outbox. */
@ConfigurationProperties("latchkey.mail")
public record MailProperties(
        @DefaultValue("no-reply@latchkey.local") String from,
        @DefaultValue("500ms") Duration relayPollInterval,
        @DefaultValue("20") int relayBatchSize) {
}
