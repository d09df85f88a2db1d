package io.latchkey.bootstrap.cluster;

import io.latchkey.bootstrap.BootJar;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One Latchkey instance as its own JVM, started from the boot jar as the container starts it, so that it can be
 * stopped with {@code SIGTERM} (a rolling restart) or killed with {@code SIGKILL} (a node lost mid-request) and started
 * again on the same port. Its console goes to {@code target/instances/<id>.log}.
 */
final class InstanceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    final String id;
    final int port;
    private final List<String> command;
    private final Path log;
    private Process process;

    private InstanceProcess(String id, int port, List<String> command, Path log) {
        this.id = id;
        this.port = port;
        this.command = command;
        this.log = log;
        this.process = launch();
    }

    /** Starts the instance {@code id} on {@code port} with {@code properties} as command-line arguments. */
    static InstanceProcess start(String id, int port, Map<String, String> properties) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // C1 only: these JVMs start and restart under load on 2 cores beside the clustered servers, where C2's
                // compile threads would stretch a restart to minutes; what is tested is behaviour, not speed.
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-jar", BootJar.path().toString()));
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        command.add("--server.port=" + port);
        command.add("--latchkey.instance-id=" + id);
        try {
            Path logs = Files.createDirectories(Path.of("target", "instances"));
            return new InstanceProcess(id, port, List.copyOf(command), logs.resolve(id + ".log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Process launch() {
        try {
            return new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until readiness answers 200; fails early, naming the log, if the process exits. */
    void awaitReady(Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(id + " exited with " + process.exitValue() + ", see " + log.toAbsolutePath());
            }
            if (ready()) {
                return;
            }
            sleep(Duration.ofMillis(200));
        }
        throw new IllegalStateException(id + " not ready within " + within + ", see " + log.toAbsolutePath());
    }

    boolean ready() {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url("/actuator/health/readiness"))).timeout(Duration.ofSeconds(2))
                    .GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** {@code SIGTERM}, as Kubernetes stops a pod: graceful shutdown, then the exit. */
    int stop() {
        process.destroy();
        return awaitExit();
    }

    /** {@code SIGKILL}: no shutdown hook, no graceful anything. */
    void kill() {
        process.destroyForcibly();
        awaitExit();
    }

    /** Starts the same command again (same id, same port), once the previous process has exited. */
    void restart() {
        if (process.isAlive()) {
            throw new IllegalStateException(id + " is still running");
        }
        process = launch();
    }

    private int awaitExit() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException(id + " did not exit within 60 s");
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }


    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
