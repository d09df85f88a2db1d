package io.latchkey.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.jspecify.annotations.Nullable;

/**
 * A real single-node KRaft Kafka in a child JVM on fixed loopback ports, which, unlike the in-process broker,
 * can be stopped and started again at the same address with its data: for broker-outage tests.
 */
public final class KafkaProcess implements AutoCloseable {

    private final Path directory;
    private final int brokerPort;
    private @Nullable Process process;

    private KafkaProcess(Path directory, int brokerPort) {
        this.directory = directory;
        this.brokerPort = brokerPort;
    }

    public static KafkaProcess start() {
        try {
            Path directory = Files.createTempDirectory("latchkey-kafka-");
            int brokerPort = Ports.free();
            int controllerPort = Ports.free();
            Files.writeString(directory.resolve("server.properties"), String.join("\n",
                    "process.roles=broker,controller",
                    "node.id=1",
                    "controller.quorum.voters=1@localhost:" + controllerPort,
                    "listeners=PLAINTEXT://localhost:" + brokerPort + ",CONTROLLER://localhost:" + controllerPort,
                    "advertised.listeners=PLAINTEXT://localhost:" + brokerPort,
                    "controller.listener.names=CONTROLLER",
                    "inter.broker.listener.name=PLAINTEXT",
                    "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                    "log.dirs=" + directory.resolve("data"),
                    "num.partitions=3",
                    "auto.create.topics.enable=true",
                    "offsets.topic.replication.factor=1",
                    "transaction.state.log.replication.factor=1",
                    "transaction.state.log.min.isr=1",
                    "share.coordinator.state.topic.replication.factor=1",
                    "share.coordinator.state.topic.min.isr=1",
                    "group.initial.rebalance.delay.ms=0",
                    ""));
            KafkaProcess kafka = new KafkaProcess(directory, brokerPort);
            kafka.run(List.of("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(), "-c",
                    directory.resolve("server.properties").toString())).waitFor(60, TimeUnit.SECONDS);
            kafka.resume();
            return kafka;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String bootstrapServers() {
        return "localhost:" + brokerPort;
    }

    /** Kills the broker: the outage. Its data stays for {@link #resume()}. */
    public void stop() {
        Process running = process;
        process = null;
        if (running != null) {
            running.destroyForcibly();
            try {
                running.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Starts the broker (again) at the same address and waits until it answers. */
    public void resume() {
        process = run(List.of("kafka.Kafka", directory.resolve("server.properties").toString()));
        awaitReady(Duration.ofSeconds(90));
    }

    private Process run(List<String> mainAndArgs) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = Stream.concat(Stream.of(java, "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path")), mainAndArgs.stream()).toList();
        try {
            return new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("kafka.log").toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + mainAndArgs.get(0), e);
        }
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000))) {
            while (System.nanoTime() < deadline) {
                try {
                    if (!admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (Exception notYet) {
                    Thread.sleep(200);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new IllegalStateException("Kafka did not start within " + timeout + "; see " + directory.resolve("kafka.log"));
    }

    @Override
    public void close() {
        stop();
        Directories.deleteQuietly(directory);
    }
}
