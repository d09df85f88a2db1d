package io.latchkey.adapters.kafka.consumer;

import io.latchkey.application.usecase.EvictLocalAuthStateUseCase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * A consumer group of this instance alone (group id carries the instance id), purging its near cache. It
 * starts at the end of the topic: a fresh instance has nothing cached. Records how long revocations took to
 * arrive here ({@code latchkey.revocation.propagation}).
 */
@Component
@ConditionalOnProperty(name = "latchkey.events.consumers-enabled", havingValue = "true", matchIfMissing = true)
class NearCacheInvalidationListener {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final EvictLocalAuthStateUseCase evict;
    private final JsonMapper json;
    private final InstantSource clock;
    private final Timer propagation;
    private final Counter handled;
    private final PurgeObservation observation;

    NearCacheInvalidationListener(EvictLocalAuthStateUseCase evict, JsonMapper json, InstantSource clock,
            MeterRegistry meters, ObservationRegistry observations) {
        this.evict = evict;
        this.json = json;
        this.clock = clock;
        this.propagation = Timer.builder("latchkey.revocation.propagation")
                .description("From a revocation's commit to this instance's near-cache purge")
                .publishPercentileHistogram()
                .publishPercentiles(0.5, 0.95, 0.99)
                .register(meters);
        this.handled = ConsumerMetrics.handled(meters, "near");
        this.observation = new PurgeObservation(observations, "near");
    }

    @KafkaListener(id = "#{@instanceIdentity.nearCacheGroup()}", groupId = "#{@instanceIdentity.nearCacheGroup()}",
            topics = "#{@authEventsTopic.name()}", properties = "auto.offset.reset=latest")
    void onEvent(ConsumerRecord<String, String> record) {
        if (AuthEventMessages.isHeartbeat(record)) {
            return;
        }
        AuthEventMessages.Parsed event = AuthEventMessages.parse(json, record.value());
        Boolean firstDelivery = observation.observe(record, event.type(), () -> evict.evictLocal(event.command()).block(TIMEOUT));
        if (Boolean.TRUE.equals(firstDelivery)) {
            handled.increment();
        }
        if (Boolean.TRUE.equals(firstDelivery) && event.type().endsWith("session.revoked")) {
            Instant now = clock.instant();
            propagation.record(Duration.between(event.occurredAt(), now).abs());
        }
    }
}
