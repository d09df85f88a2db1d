package io.latchkey.testsupport;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Real PostgreSQL, Redis, Kafka and SMTP on random ports, each started on first use and stopped when the JVM
 * exits. Tests register {@link #properties()} with Spring; the local runner copies them into system
 * properties. Adapter tests ask only for the server they need.
 */
public final class TestInfrastructure implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);
    private static @Nullable TestInfrastructure shared;
    private static @Nullable TestInfrastructure clustered;

    private final InfrastructureMode mode;
    private @Nullable PostgresServer postgres;
    private @Nullable RedisTestServer redis;
    private @Nullable RedisClusterServer redisCluster;
    private @Nullable KafkaTestServer kafka;
    private @Nullable MailTestServer mail;
    private @Nullable OidcTestServer oidc;
    private boolean closed;

    private TestInfrastructure(InfrastructureMode mode) {
        this.mode = mode;
    }

    /** The JVM-wide instance for tests; its servers are stopped by a shutdown hook. */
    public static synchronized TestInfrastructure shared() {
        if (shared == null) {
            shared = managed(InfrastructureMode.detect());
        }
        return shared;
    }

    /**
     * The JVM-wide instance with clustered engines (as {@code LATCHKEY_TEST_INFRA=cluster} selects for
     * {@link #shared()}), for the clustered integration tests; the same instance as {@link #shared()} in that mode.
     */
    public static synchronized TestInfrastructure clustered() {
        if (shared().mode == InfrastructureMode.CLUSTER) {
            return shared();
        }
        if (clustered == null) {
            clustered = managed(InfrastructureMode.CLUSTER);
        }
        return clustered;
    }

    private static TestInfrastructure managed(InfrastructureMode mode) {
        TestInfrastructure created = new TestInfrastructure(mode);
        Runtime.getRuntime().addShutdownHook(new Thread(created::close, "test-infrastructure-stop"));
        return created;
    }

    /** A private instance without a shutdown hook, for a caller that orders its own shutdown. */
    public static TestInfrastructure unmanaged() {
        return new TestInfrastructure(InfrastructureMode.detect());
    }

    /** Spring properties pointing R2DBC, Flyway, Redis, Kafka and mail at these servers, starting any not yet up. */
    public Map<String, String> properties() {
        Map<String, String> all = new LinkedHashMap<>();
        all.putAll(postgres().properties());
        all.putAll(redisProperties());
        all.putAll(kafka().properties());
        all.putAll(mail().properties());
        return Map.copyOf(all);
    }

    public void registerProperties(DynamicPropertyRegistry registry) {
        properties().forEach((name, value) -> registry.add(name, () -> value));
    }

    public Map<String, String> postgresProperties() {
        return postgres().properties();
    }

    public Map<String, String> redisProperties() {
        return isClustered() ? redisCluster().properties() : redis().properties();
    }

    /** Whether this instance runs the clustered engines ({@link #clustered()}, {@code LATCHKEY_TEST_INFRA=cluster}). */
    public boolean isClustered() {
        return mode == InfrastructureMode.CLUSTER;
    }

    /** The client port of the Redis Cluster master that now serves {@code key}'s slot. */
    public int redisMasterPortOf(String key) {
        return redisCluster().masterPortOf(key);
    }

    /** Kills (SIGKILL) the Redis Cluster node on {@code port}; a killed master's replica takes over. */
    public void killRedisNode(int port) {
        redisCluster().kill(port);
    }

    /** Starts a killed Redis Cluster node again; it rejoins, a former master as a replica of its successor. */
    public void restartRedisNode(int port) {
        redisCluster().restart(port);
    }

    /** Waits (up to 30 s) until every running Redis Cluster node reports {@code cluster_state:ok}. */
    public void awaitRedisClusterHealthy() {
        redisCluster().awaitHealthy();
    }

    /** The client ports of the six Redis Cluster nodes. */
    public java.util.List<Integer> redisClusterPorts() {
        return redisCluster().ports();
    }

    /**
     * Creates a fresh, empty database on the same PostgreSQL server and returns the properties pointing at it,
     * for tests whose instances must not share tables (an outbox) with the rest of the suite.
     */
    public Map<String, String> isolatedDatabase(String name) {
        if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("database names are lower-case identifiers");
        }
        try (java.sql.Connection admin = java.sql.DriverManager.getConnection(jdbcUrl(), databaseUser(), databasePassword())) {
            admin.createStatement().execute("CREATE DATABASE " + name);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        Map<String, String> properties = new LinkedHashMap<>(postgresProperties());
        properties.replaceAll((key, value) -> key.endsWith(".url") ? value.substring(0, value.lastIndexOf('/') + 1) + name : value);
        return Map.copyOf(properties);
    }

    public String jdbcUrl() {
        return postgres().jdbcUrl();
    }

    public String databaseUser() {
        return postgres().user();
    }

    public String databasePassword() {
        return postgres().password();
    }

    public String kafkaBootstrapServers() {
        return kafka().bootstrapServers();
    }

    /** The three Kafka brokers of the clustered infrastructure ({@link #clustered()}), to kill and restart. */
    public KafkaCluster kafkaCluster() {
        return kafka().cluster();
    }

    /** Whether {@link #stopRedis()} and {@link #pauseRedis()} are possible: only for the embedded server. */
    public boolean canStopRedis() {
        return !isClustered() && redis().isEmbedded();
    }

    /** Simulates a Redis outage: connections are refused. */
    public void stopRedis() {
        redis().stop();
    }

    /** Ends the outage; the server comes back empty, as after a restart. */
    public void startRedis() {
        redis().start();
    }

    /**
     * Simulates a hung Redis (SIGSTOP): connections stay open, nothing answers. Only the embedded server, like
     * {@link #stopRedis()}.
     */
    public void pauseRedis() {
        redis().pause();
    }

    /** Thaws a paused Redis (SIGCONT); it comes back with every key it held, stale ones included. */
    public void resumeRedis() {
        redis().resume();
    }

    /** The SMTP server the application's mail goes to, with what it received. */
    public synchronized MailTestServer mail() {
        if (mail == null) {
            requireOpen();
            mail = started(MailTestServer::start);
        }
        return mail;
    }

    /** The OpenID Connect provider federated sign-in talks to. */
    public synchronized OidcTestServer oidc() {
        if (oidc == null) {
            requireOpen();
            oidc = started(OidcTestServer::start);
        }
        return oidc;
    }

    private synchronized PostgresServer postgres() {
        if (postgres == null) {
            requireOpen();
            postgres = started(() -> PostgresServer.start(mode));
        }
        return postgres;
    }

    private synchronized RedisTestServer redis() {
        if (isClustered()) {
            throw new IllegalStateException("the clustered infrastructure has a Redis Cluster, not one Redis");
        }
        if (redis == null) {
            requireOpen();
            redis = started(() -> RedisTestServer.start(mode));
        }
        return redis;
    }

    private synchronized RedisClusterServer redisCluster() {
        if (!isClustered()) {
            throw new IllegalStateException("the Redis Cluster runs only in the clustered infrastructure");
        }
        if (redisCluster == null) {
            requireOpen();
            redisCluster = started(RedisClusterServer::start);
        }
        return redisCluster;
    }

    private synchronized KafkaTestServer kafka() {
        if (kafka == null) {
            requireOpen();
            kafka = started(() -> KafkaTestServer.start(mode));
        }
        return kafka;
    }

    /** A server started after close() would outlive its owner: a local run stopped while still starting up. */
    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("test infrastructure already stopped");
        }
    }

    private static <S extends Server> S started(java.util.function.Supplier<S> starter) {
        long begin = System.nanoTime();
        S server = starter.get();
        log.info("{} up in {} ms", server.description(), (System.nanoTime() - begin) / 1_000_000);
        return server;
    }

    @Override
    public synchronized void close() {
        closed = true;
        for (Server server : new Server[] {oidc, mail, kafka, redis, redisCluster, postgres}) {
            if (server == null) {
                continue;
            }
            try {
                server.close();
            } catch (RuntimeException e) {
                log.warn("stopping {} failed: {}", server.description(), e.toString());
            }
        }
        oidc = null;
        mail = null;
        kafka = null;
        redis = null;
        redisCluster = null;
        postgres = null;
    }
}
