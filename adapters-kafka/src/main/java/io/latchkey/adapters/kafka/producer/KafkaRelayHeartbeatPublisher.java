package io.latchkey.adapters.kafka.producer;

import io.latchkey.adapters.kafka.AuthEventsTopic;
import io.latchkey.domain.event.AuthEventBody;
import io.latchkey.domain.port.RelayHeartbeatPublisher;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * One {@code io.latchkey.relay.heartbeat} record per partition of the auth-events topic, with no key and no user:
 * a subscriber learns per partition that the relay was keeping up at {@code emitted_at}.
 */
@Component
class KafkaRelayHeartbeatPublisher implements RelayHeartbeatPublisher {

    static final String TYPE = AuthEventBody.HEARTBEAT_TYPE;

    private final KafkaTemplate<String, String> kafka;
    private final AuthEventsTopic topic;

    KafkaRelayHeartbeatPublisher(KafkaTemplate<String, String> kafka, AuthEventsTopic topic) {
        this.kafka = kafka;
        this.topic = topic;
    }

    @Override
    public Mono<Void> publishHeartbeat(Instant emittedAt) {
        // partitionsFor() and send() can block for metadata while the broker is unreachable: not on event loops.
        return Mono.fromCallable(() -> kafka.partitionsFor(topic.name()))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMapMany(partitions -> Flux.fromIterable(partitions == null ? List.<PartitionInfo>of() : partitions))
                .flatMap(partition -> Mono.fromFuture(() -> kafka.send(record(partition.partition(), emittedAt)))
                        .subscribeOn(Schedulers.boundedElastic()))
                .then();
    }

    private ProducerRecord<String, String> record(int partition, Instant emittedAt) {
        String id = UUID.randomUUID().toString();
        String time = DateTimeFormatter.ISO_INSTANT.format(emittedAt);
        String body = "{\"event_id\":\"" + id + "\",\"type\":\"" + TYPE + "\",\"schema_version\":1,\"emitted_at\":\""
                + time + "\"}";
        RecordHeaders headers = new RecordHeaders();
        header(headers, CloudEventHeaders.SPEC_VERSION, "1.0");
        header(headers, CloudEventHeaders.ID, id);
        header(headers, CloudEventHeaders.TYPE, TYPE);
        header(headers, CloudEventHeaders.SOURCE, topic.source());
        header(headers, CloudEventHeaders.TIME, time);
        header(headers, CloudEventHeaders.CONTENT_TYPE, "application/json");
        return new ProducerRecord<>(topic.name(), partition, (String) null, body, headers);
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
