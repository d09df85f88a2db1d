package io.latchkey.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.testcontainers.containers.GenericContainer;
import redis.embedded.RedisServer;

/**
 * Redis: external when LATCHKEY_TEST_REDIS_HOST is set, else a container or an embedded binary. The
 * embedded one can be stopped and restarted on the same port (it comes back empty), or paused and resumed
 * (SIGSTOP/SIGCONT: it comes back with its data), for outage tests.
 */
final class RedisTestServer implements Server {

    private final String host;
    private final int port;
    private final String description;
    private final AutoCloseable stopper;
    private final @Nullable RedisServer embedded;
    private long pid;

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

    /** Stops the embedded server (an outage); {@link #start()} brings it back, empty, on the same port. */
    void stop() {
        requireEmbedded();
        try {
            embedded.stop();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        pid = 0;
    }

    void start() {
        requireEmbedded();
        start(embedded);
    }

    /**
     * Freezes the embedded server with SIGSTOP: connections stay open and commands are accepted by the kernel
     * but never answered, as with a hung host or a network black hole. {@link #resume()} (SIGCONT) thaws it with
     * every key it held.
     */
    void pause() {
        signal("STOP");
    }

    void resume() {
        signal("CONT");
    }

    private void signal(String name) {
        requireEmbedded();
        long process = pid();
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process)).redirectErrorStream(true).start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + name + " " + process + " failed: "
                        + new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The server's own answer to {@code INFO server}, asked while it runs, so the signal reaches this one. */
    private synchronized long pid() {
        if (pid != 0) {
            return pid;
        }
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write("*2\r\n$4\r\nINFO\r\n$6\r\nserver\r\n".getBytes(StandardCharsets.US_ASCII));
            BufferedReader reply = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            for (String line = reply.readLine(); line != null; line = reply.readLine()) {
                if (line.startsWith("process_id:")) {
                    long found = Long.parseLong(line.substring("process_id:".length()).strip());
                    if (ProcessHandle.current().descendants().noneMatch(child -> child.pid() == found)) {
                        throw new IllegalStateException("Redis on port " + port + " is not a child of this JVM");
                    }
                    pid = found;
                    return pid;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot ask Redis for its process id", e);
        }
        throw new IllegalStateException("Redis on port " + port + " did not tell its process id");
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
