package io.latchkey.bootstrap.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.latchkey.testsupport.KafkaCluster;
import io.latchkey.testsupport.TestInfrastructure;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two instances relaying their outbox to the clustered infrastructure's three KRaft brokers (replication factor 3,
 * min.insync.replicas=2).
 * The leader of the busiest partition is killed ({@code kill -9}) under a load of logins and logouts: every outbox
 * event reaches the topic (ids compared), duplicates on the wire are counted, the relay goes on by itself, and the
 * broker rejoins when restarted.
 */
class KafkaClusterIT {

    private static final String TOPIC = "latchkey.auth-events.v1";
    private static final String PASSWORD = "correct horse battery staple";
    private static final TestInfrastructure infra = TestInfrastructure.clustered();
    private static KafkaCluster kafka;
    private static Map<String, String> database;
    private static ClusteredInstances instances;
    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeAll
    static void start() {
        kafka = infra.kafkaCluster();
        // An outbox of its own, so the ids written during the load are this test's alone.
        database = infra.isolatedDatabase("kcluster_" + UUID.randomUUID().toString().replace("-", ""));
        Map<String, String> extra = new HashMap<>(database);
        extra.put("latchkey.events.relay-poll-interval", "200ms");
        instances = new ClusteredInstances(infra, extra);
    }

    @AfterAll
    static void stop() {
        if (instances != null) {
            instances.close();
        }
    }

    @Test
    void givenTheLeaderOfTheBusiestPartitionKilledUnderLoad_noEventIsLost_andTheRelayGoesOnByItself() throws Exception {
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String email = "kafka-" + UUID.randomUUID() + "@example.com";
            assertThat(instances.post(instances.a, "/api/v1/accounts", credentials(email), null, address(i)).statusCode())
                    .isEqualTo(202);
            emails.add(email);
        }
        Load load = new Load(emails);
        load.start();
        int killed;
        long killedAt;
        try (Admin admin = admin()) {
            Thread.sleep(3_000);
            TopicPartition busiest = busiestPartition(admin);
            TopicPartitionInfo partition = partition(admin, busiest);
            assertThat(partition.replicas()).as("replication factor 3").hasSize(3);
            assertThat(partition.isr()).as("every replica in sync before the kill").hasSize(3);
            killed = partition.leader().id();
            killedAt = System.nanoTime();
            kafka.kill(killed);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                    .until(() -> partition(admin, busiest).leader().id() != killed);
            System.out.printf("Kafka: broker %d, leader of the busiest partition %s, killed; new leader after %d ms%n",
                    killed, busiest, (System.nanoTime() - killedAt) / 1_000_000);
            Thread.sleep(5_000);
        } finally {
            load.stop();
        }
        // Without any operator action the relay publishes everything the load wrote, on the two brokers left.
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> pending() == 0);
        System.out.printf("Kafka: the outbox drained %d ms after the kill%n", (System.nanoTime() - killedAt) / 1_000_000);
        Set<String> written = outboxIds();
        Map<String, Integer> onTheWire = readIds(written, Duration.ofSeconds(60));
        Set<String> lost = new HashSet<>(written);
        lost.removeAll(onTheWire.keySet());
        int duplicates = written.stream().mapToInt(id -> onTheWire.getOrDefault(id, 1) - 1).sum();
        System.out.printf("Kafka broker killed under load: %d requests (%d failed: %s), %d events in the outbox, "
                        + "%d of them on the topic, %d lost, %d duplicates on the wire%n", load.requests.get(),
                load.failures.get(), load.failureStatuses, written.size(), written.size() - lost.size(), lost.size(), duplicates);
        assertThat(written).as("events written during the load").hasSizeGreaterThan(50);
        assertThat(lost).as("outbox events missing from the topic").isEmpty();
        assertThat(load.failures.get()).as("requests failed while a broker was down (Kafka is off the request path)")
                .isZero();

        kafka.restart(killed);
        try (Admin admin = admin()) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .until(() -> describe(admin).partitions().stream().allMatch(p -> p.isr().size() == 3));
        }
        // And the relay still runs with all three back.
        String email = emails.getFirst();
        HttpResponse<String> login = instances.post(instances.b, "/api/v1/auth/login", credentials(email), null, address(0));
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> pending() == 0);
    }

    /** Two threads logging users in and out on both instances until stopped: each pair is two outbox events. */
    private final class Load {

        private final List<String> emails;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final ExecutorService threads = Executors.newFixedThreadPool(2);
        private final List<Future<?>> workers = new ArrayList<>();
        final AtomicInteger requests = new AtomicInteger();
        final AtomicInteger failures = new AtomicInteger();
        final Map<Integer, Integer> failureStatuses = new ConcurrentHashMap<>();

        Load(List<String> emails) {
            this.emails = emails;
        }

        void start() {
            for (int t = 0; t < 2; t++) {
                int thread = t;
                workers.add(threads.submit(() -> run(thread)));
            }
        }

        private void run(int thread) {
            int i = thread;
            while (running.get()) {
                // Each user on one thread only, under the per-account login limit.
                int user = (i % (emails.size() / 2)) * 2 + thread;
                ConfigurableApplicationContext instance = i % 2 == 0 ? instances.a : instances.b;
                HttpResponse<String> login = instances.post(instance, "/api/v1/auth/login",
                        credentials(emails.get(user)), null, address(user));
                count(login.statusCode(), 200);
                if (login.statusCode() == 200) {
                    String access = json.readTree(login.body()).get("access_token").asString();
                    ConfigurableApplicationContext other = instance == instances.a ? instances.b : instances.a;
                    count(instances.post(other, "/api/v1/auth/logout", "", access, address(user)).statusCode(), 204);
                }
                i += 2;
            }
        }

        private void count(int status, int expected) {
            requests.incrementAndGet();
            if (status != expected) {
                failures.incrementAndGet();
                failureStatuses.merge(status, 1, Integer::sum);
            }
        }

        void stop() throws Exception {
            running.set(false);
            for (Future<?> worker : workers) {
                worker.get();
            }
            threads.shutdown();
        }
    }

    private static TopicPartition busiestPartition(Admin admin) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (TopicPartitionInfo partition : describe(admin).partitions()) {
            latest.put(new TopicPartition(TOPIC, partition.partition()), OffsetSpec.latest());
        }
        TopicPartition busiest = null;
        long most = -1;
        for (Map.Entry<TopicPartition, ListOffsetsResultInfo> end
                : admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).entrySet()) {
            if (end.getValue().offset() > most) {
                most = end.getValue().offset();
                busiest = end.getKey();
            }
        }
        return java.util.Objects.requireNonNull(busiest);
    }

    private static TopicPartitionInfo partition(Admin admin, TopicPartition partition) throws Exception {
        return describe(admin).partitions().stream().filter(p -> p.partition() == partition.partition()).findFirst()
                .orElseThrow();
    }

    private static TopicDescription describe(Admin admin) throws Exception {
        return admin.describeTopics(List.of(TOPIC)).allTopicNames().get(10, TimeUnit.SECONDS).get(TOPIC);
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000));
    }

    /** Every event id on the topic ({@code ce_id}) with how many records carried it, read until all expected arrived. */
    private static Map<String, Integer> readIds(Collection<String> expected, Duration deadline) {
        Map<String, Integer> seen = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "kafka-cluster-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.subscribe(List.of(TOPIC));
            long end = System.nanoTime() + deadline.toNanos();
            long quietUntil = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(end, quietUntil)) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    Header id = record.headers().lastHeader("ce_id");
                    if (id != null) {
                        seen.merge(new String(id.value(), StandardCharsets.UTF_8), 1, Integer::sum);
                    }
                });
                if (quietUntil == Long.MAX_VALUE && seen.keySet().containsAll(expected)) {
                    // Every id arrived: a little longer, to count duplicates written after their first copy.
                    quietUntil = System.nanoTime() + Duration.ofSeconds(2).toNanos();
                }
            }
        }
        return seen;
    }

    private static Set<String> outboxIds() throws Exception {
        try (Connection c = jdbc(); ResultSet rs = c.createStatement().executeQuery("SELECT id FROM outbox")) {
            Set<String> ids = new HashSet<>();
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
            return ids;
        }
    }

    private static long pending() throws Exception {
        try (Connection c = jdbc(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT count(*) FROM outbox WHERE published_at IS NULL")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Connection jdbc() throws Exception {
        String url = database.get("spring.flyway.url");
        return DriverManager.getConnection(url, database.get("spring.flyway.user"), database.get("spring.flyway.password"));
    }

    private static String credentials(String email) {
        return "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}";
    }

    private static String address(int user) {
        return "203.0.113." + (10 + user);
    }
}
