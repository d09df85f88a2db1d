package io.latchkey.resourceserver.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The stream's consumer loop against Kafka's {@link MockConsumer}, on a clock the test moves. */
class RevocationStreamTest {

    private static final String TOPIC = "latchkey.auth-events.v1";
    private static final Duration READ_BACK = Duration.ofMinutes(16);
    private static final Duration STALE_AFTER = Duration.ofSeconds(10);
    private static final Duration SKEW = Duration.ofSeconds(60);

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-30T12:00:00Z"));
    private final InstantSource clock = () -> now.get();
    private final RevocationStore store = new RevocationStore(100);
    private final List<Thread> threads = new ArrayList<>();
    private final List<RevocationStream> streams = new ArrayList<>();

    /** MockConsumer leaves offsetsForTimes unimplemented; this one answers from a map the test fills. */
    private static class TestConsumer extends MockConsumer<String, String> {

        private final Map<TopicPartition, OffsetAndTimestamp> times = new HashMap<>();

        TestConsumer() {
            super("earliest");
        }

        @Override
        public synchronized Map<TopicPartition, OffsetAndTimestamp> offsetsForTimes(Map<TopicPartition, Long> query) {
            Map<TopicPartition, OffsetAndTimestamp> answer = new HashMap<>();
            query.keySet().forEach(p -> answer.put(p, times.get(p)));
            return answer;
        }

        @Override
        public Map<TopicPartition, OffsetAndTimestamp> offsetsForTimes(Map<TopicPartition, Long> query,
                Duration timeout) {
            return offsetsForTimes(query);
        }

        void partitions(int count, Map<Integer, Long> beginnings, Map<Integer, Long> ends) {
            List<PartitionInfo> infos = new ArrayList<>();
            Map<TopicPartition, Long> b = new HashMap<>();
            Map<TopicPartition, Long> e = new HashMap<>();
            for (int i = 0; i < count; i++) {
                infos.add(new PartitionInfo(TOPIC, i, Node.noNode(), new Node[0], new Node[0]));
                b.put(new TopicPartition(TOPIC, i), beginnings.getOrDefault(i, 0L));
                e.put(new TopicPartition(TOPIC, i), ends.getOrDefault(i, 0L));
            }
            updatePartitions(TOPIC, infos);
            updateBeginningOffsets(b);
            updateEndOffsets(e);
        }
    }

    @AfterEach
    void stopStreams() throws InterruptedException {
        streams.forEach(RevocationStream::stop);
        for (Thread t : threads) {
            t.interrupt();
            t.join(5_000);
        }
    }

    @Test
    void givenAPartitionAddedLater_itIsAssignedAndReadFromItsBeginning_andTheStreamIsNotTrustedUntilThen() {
        TestConsumer kafka = new TestConsumer();
        kafka.partitions(1, Map.of(), Map.of());
        RevocationStream stream = start(props -> kafka);
        await(stream::caughtUp);
        kafka.addRecord(heartbeat(0, 0, now.get()));
        await(() -> stream.fresh(now.get()));

        // The operator raises the partition count; a user now keyed to partition 1 logs out.
        kafka.partitions(2, Map.of(), Map.of(1, 1L));
        now.set(now.get().plus(STALE_AFTER).plusSeconds(1));
        await(() -> !stream.caughtUp());
        assertThat(stream.fresh(now.get())).as("partition 1 has no heartbeat yet").isFalse();
        kafka.addRecord(record(1, 0, revoked("u1", "s-on-new-partition")));
        await(stream::caughtUp);
        kafka.addRecord(heartbeat(0, 1, now.get()));
        kafka.addRecord(heartbeat(1, 1, now.get()));
        await(() -> stream.fresh(now.get()));

        assertThat(store.isRevoked("s-on-new-partition", "u1", 9, now.get())).isTrue();
    }

    @Test
    void givenHeartbeatsFromTheFuture_freshnessFollowsThisClock() {
        TestConsumer kafka = new TestConsumer();
        kafka.partitions(1, Map.of(), Map.of());
        RevocationStream stream = start(props -> kafka);
        await(stream::caughtUp);

        kafka.addRecord(heartbeat(0, 0, now.get().plus(Duration.ofDays(30000))));   // forged or a wild clock
        await(() -> stream.futureHeartbeats() == 1);
        assertThat(stream.fresh(now.get())).as("ignored").isFalse();

        kafka.addRecord(heartbeat(0, 1, now.get().plusSeconds(30)));   // a producer clock 30 s fast, within skew
        await(() -> stream.fresh(now.get()));
        now.set(now.get().plus(STALE_AFTER).plusSeconds(1));
        assertThat(stream.fresh(now.get())).as("counted from when it was received, not from emitted_at").isFalse();
    }

    @Test
    void givenAnUnreadableRevocation_theStoreIsIncompleteForTheWindow_whileOtherUnreadableRecordsAreOnlyCounted() {
        RevocationStream stream = new RevocationStream(settings(), store, parser(), clock, () -> { });

        stream.handle(record(0, 0, "not json"));
        stream.handle(record(0, 1, "{\"type\":\"io.latchkey.relay.heartbeat\"}"));
        assertThat(store.overflowing(now.get())).isFalse();

        stream.handle(record(0, 2, "{\"type\":\"io.latchkey.session.revoked\",\"user_id\":\"u1\","
                + "\"occurred_at\":\"2026-11-30T12:00:00Z\",\"session_ids\":[\"s1\"],\"account_epoch\":\"7\"}"));

        assertThat(stream.unreadableRecords()).isEqualTo(3);
        assertThat(store.overflowing(now.get())).isTrue();
        assertThat(store.overflowing(now.get().plus(READ_BACK))).isFalse();
    }

    @Test
    void givenRetentionDeletedPartOfTheReadBackWindow_theStreamIsNotCaughtUpUntilTheWindowHasPassed() {
        TestConsumer kafka = new TestConsumer();
        AtomicReference<Properties> used = new AtomicReference<>();
        kafka.partitions(1, Map.of(0, 5L), Map.of(0, 5L));
        Instant firstRetained = now.get().minus(Duration.ofMinutes(2));
        kafka.times.put(new TopicPartition(TOPIC, 0), new OffsetAndTimestamp(5, firstRetained.toEpochMilli()));
        RevocationStream stream = start(props -> {
            used.set(props);
            return kafka;
        });
        await(() -> stream.consuming() && kafka.assignment().size() == 1);
        await(() -> kafka.position(new TopicPartition(TOPIC, 0)) == 5);

        assertThat(stream.caughtUp()).as("revocations older than the log start may be missing").isFalse();
        now.set(firstRetained.plus(READ_BACK));
        await(stream::caughtUp);
        assertThat(used.get().get(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG)).isEqualTo("earliest");
    }

    @Test
    void givenTheConsumerFails_aNewOneReadsTheWindowAgain_andTheRestartIsCounted() {
        TestConsumer kafka = new TestConsumer();
        kafka.partitions(1, Map.of(), Map.of());
        AtomicInteger created = new AtomicInteger();
        RevocationStream stream = start(props -> {
            if (created.getAndIncrement() == 0) {
                TestConsumer broken = new TestConsumer() {
                    @Override
                    public List<PartitionInfo> partitionsFor(String topic, Duration timeout) {
                        throw new TimeoutException("Kafka is restarting");
                    }
                };
                return broken;
            }
            return kafka;
        });

        await(stream::caughtUp);
        assertThat(stream.restarts()).isEqualTo(1);
        assertThat(stream.consuming()).isTrue();
    }

    private RevocationStream start(Function<Properties, Consumer<String, String>> consumers) {
        RevocationStream stream = new RevocationStream(settings(), store, parser(), clock, () -> { }, consumers);
        Thread thread = new Thread(stream, "test-revocation-stream");
        thread.setDaemon(true);
        thread.start();
        streams.add(stream);
        threads.add(thread);
        return stream;
    }

    private static RevocationStream.Settings settings() {
        return new RevocationStream.Settings("unused:9092", TOPIC, READ_BACK, STALE_AFTER, Duration.ofMillis(5), SKEW,
                Duration.ofMillis(10), Map.of());
    }

    private static AuthEventParser parser() {
        return new AuthEventParser(JsonMapper.builder().build(), Duration.ofMinutes(15));
    }

    private static ConsumerRecord<String, String> heartbeat(int partition, long offset, Instant emittedAt) {
        return record(partition, offset, "{\"type\":\"io.latchkey.relay.heartbeat\",\"schema_version\":1,"
                + "\"emitted_at\":\"" + emittedAt + "\"}");
    }

    private String revoked(String user, String session) {
        return "{\"type\":\"io.latchkey.session.revoked\",\"user_id\":\"" + user + "\",\"occurred_at\":\"" + now.get()
                + "\",\"session_ids\":[\"" + session + "\"],\"access_tokens_valid_until\":\""
                + now.get().plus(Duration.ofMinutes(15)) + "\"}";
    }

    private static ConsumerRecord<String, String> record(int partition, long offset, String value) {
        return new ConsumerRecord<>(TOPIC, partition, offset, "key", value);
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
