package io.latchkey.bootstrap;

import java.util.List;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * {@code eventListeners}, part of readiness: whether this instance's Kafka listener containers are all running. It
 * says nothing about the broker (a container keeps running, and retrying, while Kafka is down); it goes DOWN when a
 * container of this instance stopped, so this instance no longer purges caches or remembers revocations from events.
 */
@Component("eventListeners")
class EventListenersHealthIndicator extends AbstractHealthIndicator {

    private final KafkaListenerEndpointRegistry registry;

    EventListenersHealthIndicator(KafkaListenerEndpointRegistry registry) {
        super("event listener check failed");
        this.registry = registry;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        List<String> stopped = registry.getListenerContainers().stream()
                .filter(container -> container.isAutoStartup() && !container.isRunning())
                .map(MessageListenerContainer::getListenerId)
                .sorted()
                .toList();
        (stopped.isEmpty() ? builder.up() : builder.down().withDetail("stopped", stopped))
                .withDetail("containers", registry.getListenerContainers().size());
    }
}
