package io.latchkey.bootstrap;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code kafka} in {@code /actuator/health}: whether a broker answers. Deliberately not part of the readiness
 * group: with Kafka down every endpoint still works (events wait in the outbox), so taking replicas out of
 * the load balancer would turn a degraded stream into an outage.
 */
@Component("kafka")
class KafkaHealthIndicator extends AbstractReactiveHealthIndicator implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private final Admin admin;

    KafkaHealthIndicator(KafkaProperties properties) {
        super("Kafka health check failed");
        Map<String, Object> config = new java.util.HashMap<>(properties.buildAdminProperties());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        this.admin = Admin.create(config);
    }

    @Override
    protected Mono<Health> doHealthCheck(Health.Builder builder) {
        return Mono.fromCallable(() -> admin.describeCluster().nodes().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).size())
                .subscribeOn(Schedulers.boundedElastic())
                .map(nodes -> builder.up().withDetail("brokers", nodes).build());
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
