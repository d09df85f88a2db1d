package io.latchkey.testsupport;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.kafka.KafkaContainer;

/**
 * Kafka: external when LATCHKEY_TEST_KAFKA_BOOTSTRAP is set, else a container, an in-process KRaft broker, or, for the
 * clustered infrastructure, three brokers in child JVMs ({@link KafkaCluster}).
 */
final class KafkaTestServer implements Server {

    private final String bootstrapServers;
    private final String description;
    private final AutoCloseable stopper;
    private final @Nullable KafkaCluster cluster;

    private KafkaTestServer(String bootstrapServers, String description, AutoCloseable stopper) {
        this(bootstrapServers, description, stopper, null);
    }

    private KafkaTestServer(String bootstrapServers, String description, AutoCloseable stopper,
            @Nullable KafkaCluster cluster) {
        this.bootstrapServers = bootstrapServers;
        this.description = description;
        this.stopper = stopper;
        this.cluster = cluster;
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
        if (mode == InfrastructureMode.CLUSTER) {
            KafkaCluster cluster = KafkaCluster.start();
            return new KafkaTestServer(cluster.bootstrapServers(),
                    "three KRaft brokers (replication factor 3, min.insync.replicas 2)", cluster, cluster);
        }
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
        broker.brokerProperties(Map.of("auto.create.topics.enable", "true", "group.initial.rebalance.delay.ms", "0"));
        broker.afterPropertiesSet();
        return new KafkaTestServer(broker.getBrokersAsString(), "in-process KRaft broker", broker::destroy);
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    /** The three brokers of the clustered infrastructure, which a test may kill and restart. */
    KafkaCluster cluster() {
        if (cluster == null) {
            throw new IllegalStateException("only the clustered infrastructure has a Kafka cluster");
        }
        return cluster;
    }

    @Override
    public Map<String, String> properties() {
        // On three brokers the events topic is created as in production: three replicas, two in sync to write.
        return cluster == null ? Map.of("spring.kafka.bootstrap-servers", bootstrapServers)
                : Map.of("spring.kafka.bootstrap-servers", bootstrapServers, "latchkey.events.replication-factor", "3");
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
