package io.latchkey.adapters.kafka.consumer;

import io.latchkey.application.usecase.EvictSharedAuthStateUseCase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * One consumer group for the whole cluster: each event purges the shared Redis cache once. Redis being down
 * fails the record, which is retried until it returns (see {@code KafkaConsumerConfiguration}): a purge is
 * never dropped.
 */
@Component
@ConditionalOnProperty(name = "latchkey.events.consumers-enabled", havingValue = "true", matchIfMissing = true)
class SharedCacheInvalidationListener {

    static final String GROUP = "latchkey-auth-cache";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final EvictSharedAuthStateUseCase evict;
    private final JsonMapper json;
    private final Counter handled;
    private final PurgeObservation observation;

    SharedCacheInvalidationListener(EvictSharedAuthStateUseCase evict, JsonMapper json, MeterRegistry meters, ObservationRegistry observations) {
        this.evict = evict;
        this.json = json;
        this.handled = ConsumerMetrics.handled(meters, "shared");
        this.observation = new PurgeObservation(observations, "shared");
    }

    @KafkaListener(id = "latchkey-shared-purge", groupId = GROUP, topics = "#{@authEventsTopic.name()}",
            properties = "auto.offset.reset=earliest")
    void onEvent(ConsumerRecord<String, String> record) {
        if (AuthEventMessages.isHeartbeat(record)) {
            return;
        }
        AuthEventMessages.Parsed event = AuthEventMessages.parse(json, record.value());
        // The listener thread is the framework's, not an event loop: waiting here is the back-pressure.
        if (Boolean.TRUE.equals(observation.observe(record, event.type(),
                () -> evict.evictShared(event.command()).block(TIMEOUT)))) {
            handled.increment();
        }
    }
}
