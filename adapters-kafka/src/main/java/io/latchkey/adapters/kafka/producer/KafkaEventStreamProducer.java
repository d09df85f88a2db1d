package io.latchkey.adapters.kafka.producer;

import io.latchkey.adapters.kafka.AuthEventsTopic;
import io.latchkey.domain.model.outbox.OutboxMessage;
import io.latchkey.domain.port.EventStreamProducer;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Sends an outbox message keyed by user id (one user's events share a partition) as CloudEvents 1.0 binary
 * mode: the JSON body as the value, the attributes as {@code ce_*} headers. Completes on the broker's ack
 * ({@code acks=all}, idempotent producer: see application.yaml).
 */
@Component
class KafkaEventStreamProducer implements EventStreamProducer {

    private final KafkaTemplate<String, String> kafka;
    private final AuthEventsTopic topic;

    KafkaEventStreamProducer(KafkaTemplate<String, String> kafka, AuthEventsTopic topic) {
        this.kafka = kafka;
        this.topic = topic;
    }

    @Override
    public Mono<Void> send(OutboxMessage message) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, CloudEventHeaders.SPEC_VERSION, "1.0");
        header(headers, CloudEventHeaders.ID, message.eventId().toString());
        header(headers, CloudEventHeaders.TYPE, message.type());
        header(headers, CloudEventHeaders.SOURCE, topic.source());
        header(headers, CloudEventHeaders.TIME, DateTimeFormatter.ISO_INSTANT.format(message.occurredAt()));
        header(headers, CloudEventHeaders.SUBJECT, message.userId().toString());
        header(headers, CloudEventHeaders.CONTENT_TYPE, "application/json");
        ProducerRecord<String, String> record = new ProducerRecord<>(topic.name(), null,
                message.userId().toString(), message.payload(), headers);
        // send() can block for metadata while the broker is unreachable (max.block.ms): keep it off event loops.
        return Mono.fromFuture(() -> kafka.send(record)).subscribeOn(Schedulers.boundedElastic()).then();
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
