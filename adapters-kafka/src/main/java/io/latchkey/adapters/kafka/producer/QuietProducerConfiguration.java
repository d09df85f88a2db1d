package io.latchkey.adapters.kafka.producer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.support.ProducerListener;

/**
 * Replaces Spring Kafka's default producer listener, which logs an ERROR with the record's key (a user id) and
 * value for every failed send: during a broker outage that is one line per event. The outbox relay reports an
 * outage instead, once when it starts, in periodic summaries and once when it ends.
 */
@Configuration(proxyBeanMethods = false)
class QuietProducerConfiguration {

    @Bean
    ProducerListener<Object, Object> kafkaProducerListener() {
        return new ProducerListener<>() {
        };
    }
}
