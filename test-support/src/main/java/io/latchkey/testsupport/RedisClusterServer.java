package io.latchkey.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import redis.clients.jedis.Jedis;
import redis.embedded.RedisServer;

/**
 * A Redis Cluster of three masters and three replicas, each an embedded redis-server with {@code cluster-enabled yes},
 * formed as {@code redis-cli --cluster create} would (MEET, ADDSLOTS, REPLICATE). A node timeout of one second lets a
 * replica take over from a killed master within a few seconds. A node can be killed and started again on its port
 * (it rejoins from its nodes.conf, as a replica of whoever took over).
 */
final class RedisClusterServer implements Server {

    static final int MASTERS = 3;
    private static final int SLOTS = 16_384;
    /** The cluster bus listens on the client port + 10000 (Redis 6.2 has no cluster-port setting). */
    private static final int BUS_OFFSET = 10_000;
    static final Duration NODE_TIMEOUT = Duration.ofSeconds(1);

    private final Path directory;
    private final List<Node> nodes;

    private RedisClusterServer(Path directory, List<Node> nodes) {
        this.directory = directory;
        this.nodes = nodes;
    }

    static RedisClusterServer start() {
        Path directory;
        try {
            directory = Files.createTempDirectory("latchkey-redis-cluster");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Node> nodes = new ArrayList<>();
        RedisClusterServer cluster = new RedisClusterServer(directory, nodes);
        try {
            for (int i = 0; i < 2 * MASTERS; i++) {
                Node node = new Node(portWithFreeBus(), directory);
                nodes.add(node);
                node.start();
            }
            cluster.form();
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    private void form() {
        Node first = nodes.getFirst();
        for (Node node : nodes.subList(1, nodes.size())) {
            first.run(jedis -> jedis.clusterMeet("127.0.0.1", node.port));
        }
        for (int m = 0; m < MASTERS; m++) {
            int from = m * SLOTS / MASTERS;
            int[] slots = IntStream.range(from, (m + 1) * SLOTS / MASTERS).toArray();
            nodes.get(m).run(jedis -> jedis.clusterAddSlots(slots));
        }
        List<String> masterIds = nodes.subList(0, MASTERS).stream().map(node -> node.run(Jedis::clusterMyId)).toList();
        // A replica can only follow a master it already knows: wait for the MEETs to spread first.
        await("every node knows every other", () -> nodes.stream()
                .allMatch(node -> node.run(Jedis::clusterNodes).lines().count() == nodes.size()));
        for (int r = 0; r < MASTERS; r++) {
            String master = masterIds.get(r);
            nodes.get(MASTERS + r).run(jedis -> jedis.clusterReplicate(master));
        }
        await("cluster_state:ok with every slot covered on every node", () -> nodes.stream()
                .allMatch(node -> node.run(Jedis::clusterInfo).contains("cluster_state:ok")));
        await("three replicas in sync", () -> nodes.subList(0, MASTERS).stream()
                .allMatch(node -> node.run(jedis -> jedis.info("replication")).contains("connected_slaves:1")));
    }

    /** The port of the master now serving {@code key}'s slot, as the cluster itself reports it. */
    int masterPortOf(String key) {
        Node any = anyRunning();
        long slot = any.run(jedis -> jedis.clusterKeySlot(key));
        for (String line : any.run(Jedis::clusterNodes).lines().toList()) {
            String[] fields = line.split(" ");
            if (!fields[2].contains("master") || fields[2].contains("fail")) {
                continue;
            }
            for (String range : Arrays.asList(fields).subList(8, fields.length)) {
                if (range.startsWith("[")) {
                    continue;
                }
                String[] bounds = range.split("-");
                long low = Long.parseLong(bounds[0]);
                long high = Long.parseLong(bounds[bounds.length - 1]);
                if (slot >= low && slot <= high) {
                    return Integer.parseInt(fields[1].substring(fields[1].indexOf(':') + 1).split("[@,]")[0]);
                }
            }
        }
        throw new IllegalStateException("no master serves slot " + slot);
    }

    /** Kills the node on {@code port} (SIGKILL: no goodbye to the cluster); its replica, if it was a master, takes over. */
    void kill(int port) {
        node(port).kill();
    }

    /** Starts a killed node again on its port; it rejoins the cluster from its nodes.conf. */
    void restart(int port) {
        node(port).start();
    }

    /** Waits until every node that runs reports {@code cluster_state:ok} and {@code port}'s slots have a live master. */
    void awaitHealthy() {
        await("cluster_state:ok on every running node", () -> nodes.stream().filter(Node::running)
                .allMatch(node -> node.run(Jedis::clusterInfo).contains("cluster_state:ok")));
    }

    List<Integer> ports() {
        return nodes.stream().map(node -> node.port).toList();
    }

    private Node node(int port) {
        return nodes.stream().filter(node -> node.port == port).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no cluster node on port " + port));
    }

    private Node anyRunning() {
        return nodes.stream().filter(Node::running).findFirst().orElseThrow();
    }

    @Override
    public Map<String, String> properties() {
        return Map.of("spring.data.redis.cluster.nodes", nodes.stream().map(node -> "127.0.0.1:" + node.port)
                .collect(Collectors.joining(",")));
    }

    @Override
    public String description() {
        return "embedded Redis Cluster (3 masters, 3 replicas)";
    }

    @Override
    public void close() {
        for (Node node : nodes) {
            node.kill();
        }
        Directories.deleteQuietly(directory);
    }

    private static int portWithFreeBus() {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = Ports.free();
            if (port + BUS_OFFSET < 65_536 && bindable(port + BUS_OFFSET)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port whose cluster bus port (+10000) is free too");
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // A node still starting or just killed: ask again.
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("Redis Cluster: timed out waiting for " + what);
    }

    /** One redis-server of the cluster, in its own session like the standalone one. */
    private static final class Node {

        private final int port;
        private final RedisServer server;
        private boolean running;

        Node(int port, Path directory) {
            this.port = port;
            try {
                List<String> command = RedisServer.newRedisServer().bind("127.0.0.1").port(port)
                        .setting("cluster-enabled yes")
                        .setting("cluster-config-file nodes-" + port + ".conf")
                        .setting("cluster-node-timeout " + NODE_TIMEOUT.toMillis())
                        .setting("dir " + directory)
                        .setting("maxmemory-policy noeviction")
                        .setting("save \"\"")
                        .setting("appendonly no")
                        .buildCommandArgs();
                this.server = new RedisServer(port, OwnSession.command(command), false);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot configure a Redis Cluster node", e);
            }
        }

        synchronized void start() {
            try {
                server.start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start Redis Cluster node on port " + port, e);
            }
            running = true;
        }

        synchronized void kill() {
            if (!running) {
                return;
            }
            Optional<Long> pid = pid();
            try {
                if (pid.isPresent()) {
                    Process kill = new ProcessBuilder("kill", "-KILL", Long.toString(pid.get())).start();
                    kill.waitFor(10, TimeUnit.SECONDS);
                }
                server.stop();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            running = false;
        }

        synchronized boolean running() {
            return running;
        }

        private Optional<Long> pid() {
            try (Jedis jedis = new Jedis("127.0.0.1", port)) {
                long found = jedis.info("server").lines().filter(line -> line.startsWith("process_id:"))
                        .map(line -> Long.parseLong(line.substring("process_id:".length()).strip())).findFirst()
                        .orElseThrow();
                // Only a child of this JVM: never signal a process that took over the port.
                return ProcessHandle.current().descendants().anyMatch(child -> child.pid() == found)
                        ? Optional.of(found) : Optional.empty();
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }

        <T> T run(java.util.function.Function<Jedis, T> command) {
            try (Jedis jedis = new Jedis("127.0.0.1", port)) {
                return command.apply(jedis);
            }
        }
    }
}
