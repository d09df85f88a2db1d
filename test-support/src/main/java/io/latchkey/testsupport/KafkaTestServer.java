package io.latchkey.testsupport;

import java.util.Map;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.kafka.KafkaContainer;

/** Kafka: external when LATCHKEY_TEST_KAFKA_BOOTSTRAP is set, else a container or an in-process KRaft broker. */
final class KafkaTestServer implements Server {

    private final String bootstrapServers;
    private final String description;
    private final AutoCloseable stopper;

    private KafkaTestServer(String bootstrapServers, String description, AutoCloseable stopper) {
        this.bootstrapServers = bootstrapServers;
        this.description = description;
        this.stopper = stopper;
    }

    static KafkaTestServer start(InfrastructureMode mode) {
        String external = System.getenv("LATCHKEY_TEST_KAFKA_BOOTSTRAP");
        if (external != null) {
            return new KafkaTestServer(external, "external", () -> { });
        }
        if (mode == InfrastructureMode.TESTCONTAINERS) {
            KafkaContainer container = new KafkaContainer("apache/kafka-native:4.1.0");
            container.start();
            return new KafkaTestServer(container.getBootstrapServers(), "testcontainers apache/kafka-native",
                    container::stop);
        }
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
        broker.brokerProperties(Map.of("auto.create.topics.enable", "true", "group.initial.rebalance.delay.ms", "0"));
        broker.afterPropertiesSet();
        return new KafkaTestServer(broker.getBrokersAsString(), "in-process KRaft broker", broker::destroy);
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public Map<String, String> properties() {
        return Map.of("spring.kafka.bootstrap-servers", bootstrapServers);
    }

    @Override
    public String description() {
        return description + " at " + bootstrapServers;
    }

    @Override
    public void close() {
        try {
            stopper.close();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop Kafka", e);
        }
    }
}
