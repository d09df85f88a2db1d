package io.latchkey.adapters.kafka;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** Declares the auth-events topic and its dead-letter topic so Spring's {@code KafkaAdmin} creates it at start-up when it is missing. */
@Configuration(proxyBeanMethods = false)
class KafkaTopicConfiguration {

    @Bean
    NewTopic authEventsNewTopic(AuthEventsTopic topic) {
        TopicBuilder builder = TopicBuilder.name(topic.name()).partitions(topic.partitions())
                .replicas(topic.replicationFactor());
        if (topic.replicationFactor() > 1) {
            builder.config("min.insync.replicas", "2");
        }
        return builder.build();
    }

    @Bean
    NewTopic authEventsDeadLetterTopic(AuthEventsTopic topic) {
        return TopicBuilder.name(topic.deadLetterTopic()).partitions(1).replicas(topic.replicationFactor()).build();
    }
}
