package io.latchkey.bootstrap.config;

import io.latchkey.adapters.kafka.AuthEventsTopic;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code latchkey.events.*}: where auth events go, how the outbox relay runs, whether consumers run. */
@ConfigurationProperties("latchkey.events")
public record EventsProperties(
        @DefaultValue("latchkey.auth-events.v1") String topic,
        @DefaultValue("6") int partitions,
        @DefaultValue("1") short replicationFactor,
        @DefaultValue("/latchkey") String source,
        @DefaultValue("200") int relayBatchSize,
        @DefaultValue("500ms") java.time.Duration relayPollInterval,
        @DefaultValue("1d") java.time.Duration publishedRetention,
        @DefaultValue("true") boolean consumersEnabled,
        @DefaultValue("60s") java.time.Duration outageSummaryInterval,
        @DefaultValue("2s") java.time.Duration heartbeatInterval,
        @DefaultValue("5s") java.time.Duration heartbeatMaxBacklogAge) {

    public EventsProperties {
        if (heartbeatInterval.isNegative() || heartbeatInterval.isZero()) {
            throw new IllegalArgumentException("latchkey.events.heartbeat-interval must be positive");
        }
        if (outageSummaryInterval.isNegative() || outageSummaryInterval.isZero()) {
            throw new IllegalArgumentException("latchkey.events.outage-summary-interval must be positive");
        }
    }

    AuthEventsTopic toTopic() {
        return new AuthEventsTopic(topic, partitions, replicationFactor, source);
    }
}
