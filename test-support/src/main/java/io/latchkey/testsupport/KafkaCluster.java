package io.latchkey.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.jspecify.annotations.Nullable;

/**
 * Three KRaft Kafka nodes, each broker and controller, each in a child JVM on fixed loopback ports, with replication
 * factor 3 and {@code min.insync.replicas=2} for every topic: a broker killed ({@code kill -9}) leaves two in-sync
 * replicas, so writes with {@code acks=all} go on, and it comes back at the same address with its data.
 */
public final class KafkaCluster implements AutoCloseable {

    public static final int BROKERS = 3;

    private final Path directory;
    private final List<Integer> brokerPorts;
    private final List<@Nullable Process> processes = new ArrayList<>();

    private KafkaCluster(Path directory, List<Integer> brokerPorts) {
        this.directory = directory;
        this.brokerPorts = brokerPorts;
        for (int i = 0; i < BROKERS; i++) {
            processes.add(null);
        }
    }

    public static KafkaCluster start() {
        try {
            Path directory = Files.createTempDirectory("latchkey-kafka-cluster-");
            List<Integer> brokerPorts = IntStream.range(0, BROKERS).mapToObj(i -> Ports.free()).toList();
            List<Integer> controllerPorts = IntStream.range(0, BROKERS).mapToObj(i -> Ports.free()).toList();
            String voters = IntStream.range(0, BROKERS)
                    .mapToObj(i -> (i + 1) + "@localhost:" + controllerPorts.get(i)).collect(Collectors.joining(","));
            String clusterId = Uuid.randomUuid().toString();
            KafkaCluster cluster = new KafkaCluster(directory, brokerPorts);
            for (int i = 0; i < BROKERS; i++) {
                Path node = Files.createDirectories(directory.resolve("node-" + (i + 1)));
                Files.writeString(node.resolve("server.properties"), String.join("\n",
                        "process.roles=broker,controller",
                        "node.id=" + (i + 1),
                        "controller.quorum.voters=" + voters,
                        "listeners=PLAINTEXT://localhost:" + brokerPorts.get(i) + ",CONTROLLER://localhost:" + controllerPorts.get(i),
                        "advertised.listeners=PLAINTEXT://localhost:" + brokerPorts.get(i),
                        "controller.listener.names=CONTROLLER",
                        "inter.broker.listener.name=PLAINTEXT",
                        "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                        "log.dirs=" + node.resolve("data"),
                        "num.partitions=6",
                        "default.replication.factor=3",
                        "min.insync.replicas=2",
                        "auto.create.topics.enable=true",
                        "offsets.topic.replication.factor=3",
                        "transaction.state.log.replication.factor=3",
                        "transaction.state.log.min.isr=2",
                        "share.coordinator.state.topic.replication.factor=3",
                        "share.coordinator.state.topic.min.isr=2",
                        "group.initial.rebalance.delay.ms=0",
                        // A killed broker's partitions get a new leader within seconds, not the default 18 s.
                        "broker.session.timeout.ms=3000",
                        "broker.heartbeat.interval.ms=500",
                        ""));
                Process format = cluster.run(i, List.of("kafka.tools.StorageTool", "format", "-t", clusterId, "-c",
                        node.resolve("server.properties").toString()));
                if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
                    throw new IllegalStateException("formatting Kafka node " + (i + 1) + " failed; see " + node.resolve("kafka.log"));
                }
            }
            for (int i = 0; i < BROKERS; i++) {
                cluster.processes.set(i, cluster.run(i, List.of("kafka.Kafka",
                        directory.resolve("node-" + (i + 1)).resolve("server.properties").toString())));
            }
            cluster.awaitBrokers(BROKERS, Duration.ofSeconds(120));
            return cluster;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String bootstrapServers() {
        return brokerPorts.stream().map(port -> "localhost:" + port).collect(Collectors.joining(","));
    }

    /** Kills broker {@code nodeId} (1-based) with SIGKILL; its data stays for {@link #restart(int)}. */
    public synchronized void kill(int nodeId) {
        Process running = processes.set(nodeId - 1, null);
        if (running != null) {
            running.destroyForcibly();
            try {
                running.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Starts broker {@code nodeId} again at its address and waits until all three brokers are registered. */
    public synchronized void restart(int nodeId) {
        if (processes.get(nodeId - 1) == null) {
            processes.set(nodeId - 1, run(nodeId - 1, List.of("kafka.Kafka",
                    directory.resolve("node-" + nodeId).resolve("server.properties").toString())));
        }
        awaitBrokers(BROKERS, Duration.ofSeconds(120));
    }

    private Process run(int index, List<String> mainAndArgs) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = Stream.concat(Stream.of(java, "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path")), mainAndArgs.stream()).toList();
        try {
            return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(
                    directory.resolve("node-" + (index + 1)).resolve("kafka.log").toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + mainAndArgs.get(0), e);
        }
    }

    private void awaitBrokers(int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000))) {
            while (System.nanoTime() < deadline) {
                try {
                    if (admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).size() >= count) {
                        return;
                    }
                } catch (Exception notYet) {
                    // Not up yet: ask again.
                }
                Thread.sleep(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new IllegalStateException("Kafka cluster: not " + count + " brokers within " + timeout + "; see "
                + directory);
    }

    @Override
    public synchronized void close() {
        for (int node = 1; node <= BROKERS; node++) {
            kill(node);
        }
        Directories.deleteQuietly(directory);
    }
}
