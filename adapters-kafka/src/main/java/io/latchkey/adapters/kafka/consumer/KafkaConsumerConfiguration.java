package io.latchkey.adapters.kafka.consumer;

import io.latchkey.adapters.kafka.AuthEventsTopic;
import io.latchkey.domain.error.DependencyUnavailableException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.TopicPartition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * How the consumers fail. A malformed message goes straight to the dead-letter topic (the recoverer adds the
 * exception and its message as headers). A store outage is retried with back-off for as long as it lasts,
 * holding the partition, so no purge is dropped. Anything else is retried three times, then dead-lettered.
 * Each record sent to the dead-letter topic counts in {@code latchkey.events.dead_lettered}.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConsumerConfiguration {

    @Bean
    DefaultErrorHandler authEventsErrorHandler(KafkaTemplate<String, String> kafka, AuthEventsTopic topic,
            MeterRegistry meters) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(kafka,
                (record, exception) -> new TopicPartition(topic.deadLetterTopic(), -1));
        Counter deadLettered = Counter.builder("latchkey.events.dead_lettered")
                .description("Auth-event records sent to the dead-letter topic")
                .register(meters);
        ConsumerAwareRecordRecoverer counted = (record, consumer, exception) -> {
            recoverer.accept(record, consumer, exception);
            deadLettered.increment();
        };
        DefaultErrorHandler handler = new DefaultErrorHandler(counted, new FixedBackOff(200, 3));
        handler.addNotRetryableExceptions(MalformedAuthEventException.class);
        handler.setBackOffFunction((record, exception) -> causedByOutage(exception) ? untilRecovered() : null);
        return handler;
    }

    private static BackOff untilRecovered() {
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(5_000);
        return backOff;
    }

    private static boolean causedByOutage(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof DependencyUnavailableException) {
                return true;
            }
        }
        return false;
    }
}
