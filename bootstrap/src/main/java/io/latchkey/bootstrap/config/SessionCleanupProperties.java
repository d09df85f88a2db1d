package io.latchkey.bootstrap.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code latchkey.sessions.cleanup.*}: how often and how much the ended-session cleanup deletes. */
@ConfigurationProperties("latchkey.sessions.cleanup")
public record SessionCleanupProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("300") long intervalSeconds,
        @DefaultValue("1d") Duration retention,
        @DefaultValue("500") int batchSize,
        @DefaultValue("20") int maxBatches) {
}
