package io.latchkey.adapters.kafka.producer;

import io.latchkey.adapters.kafka.AuthEventsTopic;
import io.latchkey.domain.model.outbox.OutboxMessage;
import io.latchkey.domain.port.EventStreamProducer;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.propagation.Propagator;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Sends an outbox message keyed by user id (one user's events share a partition) as CloudEvents 1.0 binary
 * mode: the JSON body as the value, the attributes as {@code ce_*} headers. Completes on the broker's ack
 * ({@code acks=all}, idempotent producer: see application.yaml). With tracing, the send is a producer span that
 * continues the trace stored with the outbox row, and the record carries its W3C {@code traceparent} header (the
 * CloudEvents distributed-tracing extension), so each consumer's purge joins the trace of the request.
 */
@Component
class KafkaEventStreamProducer implements EventStreamProducer {

    private final KafkaTemplate<String, String> kafka;
    private final AuthEventsTopic topic;
    private final Propagator propagator;

    KafkaEventStreamProducer(KafkaTemplate<String, String> kafka, AuthEventsTopic topic,
            ObjectProvider<Propagator> propagator) {
        this.kafka = kafka;
        this.topic = topic;
        this.propagator = propagator.getIfAvailable(() -> Propagator.NOOP);
    }

    @Override
    public Mono<Void> send(OutboxMessage message) {
        return Mono.defer(() -> {
            RecordHeaders headers = new RecordHeaders();
            header(headers, CloudEventHeaders.SPEC_VERSION, "1.0");
            header(headers, CloudEventHeaders.ID, message.eventId().toString());
            header(headers, CloudEventHeaders.TYPE, message.type());
            header(headers, CloudEventHeaders.SOURCE, topic.source());
            header(headers, CloudEventHeaders.TIME, DateTimeFormatter.ISO_INSTANT.format(message.occurredAt()));
            header(headers, CloudEventHeaders.SUBJECT, message.userId().toString());
            header(headers, CloudEventHeaders.CONTENT_TYPE, "application/json");
            Span span = producerSpan(message, headers);
            // After the injection: the record copies the headers it is given.
            ProducerRecord<String, String> record = new ProducerRecord<>(topic.name(), null,
                    message.userId().toString(), message.payload(), headers);
            // send() can block for metadata while the broker is unreachable (max.block.ms): keep it off event loops.
            return Mono.fromFuture(() -> kafka.send(record)).subscribeOn(Schedulers.boundedElastic())
                    .doOnError(span::error)
                    .doFinally(signal -> span.end())
                    .then();
        });
    }

    /** A child of the stored trace context (a new trace when the row has none), injected into the headers. */
    private Span producerSpan(OutboxMessage message, RecordHeaders headers) {
        Map<String, String> stored = message.traceParent() == null ? Map.of() : Map.of("traceparent", message.traceParent());
        Span span = propagator.extract(stored, (carrier, key) -> carrier.get(key))
                .name("latchkey.outbox.relay " + topic.name())
                .kind(Span.Kind.PRODUCER)
                .tag("messaging.system", "kafka")
                .tag("messaging.destination.name", topic.name())
                .tag("messaging.message.id", message.eventId().toString())
                .start();
        propagator.inject(span.context(), headers, (carrier, key, value) -> {
            carrier.remove(key);
            header(carrier, key, value);
        });
        return span;
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
