package io.latchkey.adapters.kafka.consumer;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * One purge of one tier as an observation ({@code latchkey.cache.purge}, tagged with the tier): a timer in the
 * metrics and, with tracing, a consumer span whose parent is the record's W3C {@code traceparent} header, so the
 * purge continues the trace of the request that revoked.
 */
final class PurgeObservation {

    static final String NAME = "latchkey.cache.purge";

    private final ObservationRegistry registry;
    private final String tier;

    PurgeObservation(ObservationRegistry registry, String tier) {
        this.registry = registry;
        this.tier = tier;
    }

    <T> T observe(ConsumerRecord<String, String> record, String eventType, Supplier<T> purge) {
        ReceiverContext<ConsumerRecord<String, String>> context = new ReceiverContext<>(PurgeObservation::header);
        context.setCarrier(record);
        context.setRemoteServiceName("kafka");
        return Observation.createNotStarted(NAME, () -> context, registry)
                .contextualName("latchkey.cache.purge " + tier)
                .lowCardinalityKeyValue("tier", tier)
                .highCardinalityKeyValue("event.type", eventType)
                .observe(purge);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
