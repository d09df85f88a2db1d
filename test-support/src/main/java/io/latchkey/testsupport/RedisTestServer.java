package io.latchkey.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.testcontainers.containers.GenericContainer;
import redis.embedded.RedisServer;

/**
 * Redis: external when LATCHKEY_TEST_REDIS_HOST is set, else a container or an embedded binary. The
 * embedded one can be stopped and restarted on the same port, for outage tests.
 */
final class RedisTestServer implements Server {

    private final String host;
    private final int port;
    private final String description;
    private final AutoCloseable stopper;
    private final @Nullable RedisServer embedded;

    private RedisTestServer(String host, int port, String description, AutoCloseable stopper, @Nullable RedisServer embedded) {
        this.host = host;
        this.port = port;
        this.description = description;
        this.stopper = stopper;
        this.embedded = embedded;
    }

    static RedisTestServer start(InfrastructureMode mode) {
        String externalHost = System.getenv("LATCHKEY_TEST_REDIS_HOST");
        if (externalHost != null) {
            return new RedisTestServer(externalHost, Integer.parseInt(PostgresServer.env("LATCHKEY_TEST_REDIS_PORT", "6379")),
                    "external " + externalHost, () -> { }, null);
        }
        if (mode == InfrastructureMode.TESTCONTAINERS) {
            GenericContainer<?> container = new GenericContainer<>("redis:7-alpine")
                    .withCommand("redis-server", "--maxmemory-policy", "noeviction")
                    .withExposedPorts(6379);
            container.start();
            return new RedisTestServer(container.getHost(), container.getMappedPort(6379), "testcontainers redis:7",
                    container::stop, null);
        }
        int port = Ports.free();
        RedisServer server = embeddedServer(port);
        start(server);
        return new RedisTestServer("localhost", port, "embedded Redis", server::stop, server);
    }

    private static RedisServer embeddedServer(int port) {
        try {
            List<String> command = RedisServer.newRedisServer().bind("127.0.0.1").port(port)
                    .setting("maxmemory-policy noeviction")
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .buildCommandArgs();
            // Its own session: a Ctrl-C on the local run must not stop Redis before the service has stopped.
            return new RedisServer(port, OwnSession.command(command), false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot configure embedded Redis", e);
        }
    }

    private static void start(RedisServer server) {
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded Redis", e);
        }
    }

    /** Stops the embedded server (an outage); {@link #resume()} brings it back, empty, on the same port. */
    void pause() {
        requireEmbedded();
        try {
            embedded.stop();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void resume() {
        requireEmbedded();
        start(embedded);
    }

    boolean isEmbedded() {
        return embedded != null;
    }

    private void requireEmbedded() {
        if (embedded == null) {
            throw new IllegalStateException("only the embedded Redis can be paused");
        }
    }

    @Override
    public Map<String, String> properties() {
        return Map.of("spring.data.redis.host", host, "spring.data.redis.port", Integer.toString(port));
    }

    @Override
    public String description() {
        return description + " on port " + port;
    }

    @Override
    public void close() {
        try {
            stopper.close();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop Redis", e);
        }
    }
}
