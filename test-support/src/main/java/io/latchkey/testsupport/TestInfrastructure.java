package io.latchkey.testsupport;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Real PostgreSQL, Redis and Kafka, started once per JVM on random ports and stopped when it exits.
 * Tests register {@link #properties()} with Spring; the local runner copies them into system properties.
 */
public final class TestInfrastructure implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);
    private static @Nullable TestInfrastructure shared;

    private final PostgresServer postgres;
    private final RedisTestServer redis;
    private final KafkaTestServer kafka;

    private TestInfrastructure(PostgresServer postgres, RedisTestServer redis, KafkaTestServer kafka) {
        this.postgres = postgres;
        this.redis = redis;
        this.kafka = kafka;
    }

    /** The JVM-wide instance, started on first use and stopped by a shutdown hook. */
    public static synchronized TestInfrastructure shared() {
        if (shared == null) {
            shared = start();
            TestInfrastructure started = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "test-infrastructure-stop"));
        }
        return shared;
    }

    /** Starts a private set of servers; the caller closes it. */
    public static TestInfrastructure start() {
        InfrastructureMode mode = InfrastructureMode.detect();
        long started = System.nanoTime();
        PostgresServer postgres = PostgresServer.start(mode);
        RedisTestServer redis = RedisTestServer.start(mode);
        KafkaTestServer kafka = KafkaTestServer.start(mode);
        TestInfrastructure infrastructure = new TestInfrastructure(postgres, redis, kafka);
        log.info("Infrastructure up in {} ms: {}; {}; {}", (System.nanoTime() - started) / 1_000_000,
                postgres.description(), redis.description(), kafka.description());
        return infrastructure;
    }

    /** Spring properties pointing R2DBC, Flyway, Redis and Kafka at these servers. */
    public Map<String, String> properties() {
        Map<String, String> all = new LinkedHashMap<>();
        all.putAll(postgres.properties());
        all.putAll(redis.properties());
        all.putAll(kafka.properties());
        return Map.copyOf(all);
    }

    public void registerProperties(DynamicPropertyRegistry registry) {
        properties().forEach((name, value) -> registry.add(name, () -> value));
    }

    public String jdbcUrl() {
        return postgres.jdbcUrl();
    }

    public String databaseUser() {
        return postgres.user();
    }

    public String databasePassword() {
        return postgres.password();
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** Whether {@link #stopRedis()} is possible: only for the embedded server. */
    public boolean canStopRedis() {
        return redis.isEmbedded();
    }

    /** Simulates a Redis outage. */
    public void stopRedis() {
        redis.pause();
    }

    /** Ends the outage; the server comes back empty, as after a restart. */
    public void startRedis() {
        redis.resume();
    }

    @Override
    public synchronized void close() {
        for (Server server : new Server[] {kafka, redis, postgres}) {
            try {
                server.close();
            } catch (RuntimeException e) {
                log.warn("stopping {} failed: {}", server.description(), e.toString());
            }
        }
    }
}
