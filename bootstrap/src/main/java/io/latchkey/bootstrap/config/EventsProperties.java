package io.latchkey.bootstrap.config;

import io.latchkey.adapters.kafka.AuthEventsTopic;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code latchkey.events.*}: where auth events go. */
@ConfigurationProperties("latchkey.events")
public record EventsProperties(
        @DefaultValue("latchkey.auth-events.v1") String topic,
        @DefaultValue("6") int partitions,
        @DefaultValue("1") short replicationFactor) {

    AuthEventsTopic toTopic() {
        return new AuthEventsTopic(topic, partitions, replicationFactor);
    }
}
