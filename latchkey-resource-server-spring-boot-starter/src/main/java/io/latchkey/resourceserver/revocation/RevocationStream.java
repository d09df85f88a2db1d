package io.latchkey.resourceserver.revocation;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds the {@link RevocationStore} from the auth-events topic on a thread of its own: a plain consumer
 * {@code assign()}ed to every partition, with no group (nothing to commit, nothing to clean up). On start it seeks
 * to now minus (longest token lifetime + skew + margin), so every revocation that can still matter is read again,
 * and is {@link #caughtUp()} once it reached the end offsets it saw then. It is {@link #fresh(Instant)} while every
 * partition carried a relay heartbeat younger than {@code staleAfter}.
 */
public final class RevocationStream implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(RevocationStream.class);

    /** Settings of one stream. */
    public record Settings(String bootstrapServers, String topic, Duration readBack, Duration staleAfter,
            Duration pollTimeout, Duration clockSkew, Map<String, String> consumerProperties) {
    }

    private final Settings settings;
    private final RevocationStore store;
    private final AuthEventParser parser;
    private final InstantSource clock;
    private final Runnable onCaughtUp;
    private final Map<Integer, Instant> heartbeats = new ConcurrentHashMap<>();
    private final AtomicLong unreadable = new AtomicLong();
    private final AtomicLong revocations = new AtomicLong();
    private volatile int partitions = -1;
    private volatile boolean caughtUp;
    private volatile boolean running = true;
    private volatile @Nullable KafkaConsumer<String, String> consumer;

    public RevocationStream(Settings settings, RevocationStore store, AuthEventParser parser, InstantSource clock,
            Runnable onCaughtUp) {
        this.settings = settings;
        this.store = store;
        this.parser = parser;
        this.clock = clock;
        this.onCaughtUp = onCaughtUp;
    }

    @Override
    public void run() {
        try (KafkaConsumer<String, String> kafka = new KafkaConsumer<>(consumerProperties())) {
            consumer = kafka;
            Map<TopicPartition, Long> ends = assignAndSeek(kafka);
            while (running) {
                for (ConsumerRecord<String, String> record : kafka.poll(settings.pollTimeout())) {
                    handle(record);
                }
                Instant now = clock.instant();
                store.expire(now);
                if (!caughtUp && reached(kafka, ends)) {
                    caughtUp = true;
                    log.info("Revocation stream caught up on {} partition(s) of {}", ends.size(), settings.topic());
                    onCaughtUp.run();
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } catch (RuntimeException e) {
            // The gate answers from fresh() and caughtUp(): a dead stream goes stale and requests fall back.
            log.error("Revocation stream stopped; requests fall back until restart", e);
        }
    }

    private Map<TopicPartition, Long> assignAndSeek(KafkaConsumer<String, String> kafka) {
        List<TopicPartition> all = kafka.partitionsFor(settings.topic(), Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        if (all.isEmpty()) {
            throw new IllegalStateException("topic " + settings.topic() + " has no partitions");
        }
        partitions = all.size();
        kafka.assign(all);
        long from = clock.instant().minus(settings.readBack()).toEpochMilli();
        Map<TopicPartition, Long> query = new HashMap<>();
        all.forEach(p -> query.put(p, from));
        Map<TopicPartition, OffsetAndTimestamp> starts = kafka.offsetsForTimes(query);
        Map<TopicPartition, Long> ends = kafka.endOffsets(all);
        for (TopicPartition p : all) {
            OffsetAndTimestamp start = starts.get(p);
            kafka.seek(p, start != null ? start.offset() : ends.get(p));
        }
        return ends;
    }

    private static boolean reached(KafkaConsumer<String, String> kafka, Map<TopicPartition, Long> ends) {
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            if (kafka.position(end.getKey()) < end.getValue()) {
                return false;
            }
        }
        return true;
    }

    void handle(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            unreadable.incrementAndGet();
            return;
        }
        switch (parser.parse(record.value())) {
            case AuthEventRecord.Heartbeat h -> heartbeats.merge(record.partition(), h.emittedAt(),
                    (old, now) -> now.isAfter(old) ? now : old);
            case AuthEventRecord.Revocation r -> {
                Instant until = r.tokensValidUntil().plus(settings.clockSkew());
                r.sessionIds().forEach(sid -> store.revokeSession(sid, until));
                if (r.accountEpoch() != null) {
                    store.raiseEpoch(r.userId(), r.accountEpoch(), until);
                }
                revocations.incrementAndGet();
            }
            case AuthEventRecord.Ignored ignored -> { }
            case AuthEventRecord.Unreadable u -> {
                unreadable.incrementAndGet();
                log.warn("Skipped an unreadable auth event at {}-{}@{}: {}", record.topic(), record.partition(),
                        record.offset(), u.reason());
            }
        }
    }

    /** Whether every revocation published before start has been read. */
    public boolean caughtUp() {
        return caughtUp;
    }

    /** Whether every partition carried a heartbeat younger than {@code staleAfter} at {@code now}. */
    public boolean fresh(Instant now) {
        int count = partitions;
        if (!running || count < 0 || heartbeats.size() < count) {
            return false;
        }
        Instant oldestAllowed = now.minus(settings.staleAfter());
        return heartbeats.values().stream().noneMatch(at -> at.isBefore(oldestAllowed));
    }

    /** Age of the stalest partition's newest heartbeat, or null before every partition had one. */
    public @Nullable Duration heartbeatAge(Instant now) {
        int count = partitions;
        if (count < 0 || heartbeats.size() < count) {
            return null;
        }
        return heartbeats.values().stream().min(Instant::compareTo).map(oldest -> Duration.between(oldest, now))
                .orElse(null);
    }

    public long unreadableRecords() {
        return unreadable.get();
    }

    public long revocationsRead() {
        return revocations.get();
    }

    public void stop() {
        running = false;
        KafkaConsumer<String, String> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }

    private Properties consumerProperties() {
        Properties p = new Properties();
        p.putAll(settings.consumerProperties());
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "latchkey-resource-server-" + Long.toHexString(System.nanoTime()));
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        return p;
    }
}
