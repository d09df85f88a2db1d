package io.latchkey.resourceserver.revocation;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.Consumer;
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
 * and is {@link #caughtUp()} once it reached the end offsets it saw then. The partition list is checked again every
 * {@code staleAfter}; a partition added later is read from its beginning and the stream is not caught up until it
 * reached that partition's end too. It is {@link #fresh(Instant)} while every assigned partition carried a relay
 * heartbeat received (on this machine's clock) less than {@code staleAfter} ago. Any failure of the consumer ends
 * it, and a new one reads the window again after {@code restartBackoff}; {@link #restarts()} counts them.
 */
public final class RevocationStream implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(RevocationStream.class);

    /** Settings of one stream. */
    public record Settings(String bootstrapServers, String topic, Duration readBack, Duration staleAfter,
            Duration pollTimeout, Duration clockSkew, Duration restartBackoff, Map<String, String> consumerProperties) {
    }

    private final Settings settings;
    private final RevocationStore store;
    private final AuthEventParser parser;
    private final InstantSource clock;
    private final Runnable onCaughtUp;
    private final Function<Properties, Consumer<String, String>> consumers;
    private final Map<Integer, Instant> heartbeats = new ConcurrentHashMap<>();
    private final AtomicLong unreadable = new AtomicLong();
    private final AtomicLong revocations = new AtomicLong();
    private final AtomicLong futureHeartbeats = new AtomicLong();
    private final AtomicLong restarts = new AtomicLong();
    private volatile Set<Integer> assigned = Set.of();
    private volatile boolean caughtUp;
    private volatile boolean consuming;
    private volatile boolean running = true;
    private volatile Instant gapUntil = Instant.MIN;
    private volatile @Nullable Consumer<String, String> consumer;

    public RevocationStream(Settings settings, RevocationStore store, AuthEventParser parser, InstantSource clock,
            Runnable onCaughtUp) {
        this(settings, store, parser, clock, onCaughtUp, KafkaConsumer::new);
    }

    RevocationStream(Settings settings, RevocationStore store, AuthEventParser parser, InstantSource clock,
            Runnable onCaughtUp, Function<Properties, Consumer<String, String>> consumers) {
        this.settings = settings;
        this.store = store;
        this.parser = parser;
        this.clock = clock;
        this.onCaughtUp = onCaughtUp;
        this.consumers = consumers;
    }

    @Override
    public void run() {
        while (running) {
            try {
                consume();
            } catch (WakeupException e) {
                if (!running) {
                    return;
                }
                log.error("Revocation stream woken up unexpectedly; restarting", e);
            } catch (RuntimeException e) {
                // Requests fall back meanwhile: the gate needs caughtUp() and fresh(), both false until re-read.
                log.error("Revocation stream failed; restarting in {}", settings.restartBackoff(), e);
            } finally {
                consuming = false;
                caughtUp = false;
                heartbeats.clear();
                assigned = Set.of();
            }
            if (!running) {
                return;
            }
            restarts.incrementAndGet();
            try {
                Thread.sleep(settings.restartBackoff());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void consume() {
        try (Consumer<String, String> kafka = consumers.apply(consumerProperties())) {
            consumer = kafka;
            consuming = true;
            Map<TopicPartition, Long> ends = new HashMap<>();
            List<TopicPartition> all = partitions(kafka);
            assignAndSeek(kafka, all, ends);
            Instant nextCheck = clock.instant().plus(settings.staleAfter());
            while (running) {
                for (ConsumerRecord<String, String> record : kafka.poll(settings.pollTimeout())) {
                    handle(record);
                }
                Instant now = clock.instant();
                store.expire(now);
                if (!now.isBefore(nextCheck)) {
                    nextCheck = now.plus(settings.staleAfter());
                    List<TopicPartition> current = partitions(kafka);
                    List<TopicPartition> added = current.stream().filter(p -> !assigned.contains(p.partition()))
                            .toList();
                    if (!added.isEmpty()) {
                        addPartitions(kafka, current, added, ends);
                    }
                }
                if (!caughtUp && reached(kafka, ends)) {
                    caughtUp = true;
                    log.info("Revocation stream caught up on {} partition(s) of {}", ends.size(), settings.topic());
                    onCaughtUp.run();
                }
            }
        } finally {
            consumer = null;
        }
    }

    private List<TopicPartition> partitions(Consumer<String, String> kafka) {
        List<TopicPartition> all = kafka.partitionsFor(settings.topic(), Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        if (all.isEmpty()) {
            throw new IllegalStateException("topic " + settings.topic() + " has no partitions");
        }
        return all;
    }

    private void assignAndSeek(Consumer<String, String> kafka, List<TopicPartition> all, Map<TopicPartition, Long> ends) {
        kafka.assign(all);
        assigned = partitionNumbers(all);
        Instant now = clock.instant();
        long from = now.minus(settings.readBack()).toEpochMilli();
        Map<TopicPartition, Long> query = new HashMap<>();
        all.forEach(p -> query.put(p, from));
        Map<TopicPartition, OffsetAndTimestamp> starts = kafka.offsetsForTimes(query);
        Map<TopicPartition, Long> beginnings = kafka.beginningOffsets(all);
        ends.putAll(kafka.endOffsets(all));
        for (TopicPartition p : all) {
            OffsetAndTimestamp start = starts.get(p);
            long beginning = beginnings.getOrDefault(p, 0L);
            long end = ends.get(p);
            if (beginning > 0 && (start == null ? end == beginning : start.offset() <= beginning)) {
                // Retention has deleted records that may be younger than the read-back window: revocations may be
                // missing until the window has passed beyond the first retained record.
                Instant firstRetained = start == null ? now : Instant.ofEpochMilli(start.timestamp());
                Instant until = firstRetained.plus(settings.readBack());
                if (until.isAfter(gapUntil)) {
                    gapUntil = until;
                }
                log.error("Partition {} of {} no longer holds the read-back window of {} (log starts at offset {}); "
                        + "requests fall back until {}. The topic's retention.ms must exceed the window.",
                        p.partition(), settings.topic(), settings.readBack(), beginning, until);
            }
            kafka.seek(p, start != null ? start.offset() : end);
        }
    }

    private void addPartitions(Consumer<String, String> kafka, List<TopicPartition> current,
            List<TopicPartition> added, Map<TopicPartition, Long> ends) {
        kafka.assign(current);
        kafka.seekToBeginning(added);
        ends.putAll(kafka.endOffsets(added));
        assigned = partitionNumbers(current);
        caughtUp = false;
        log.warn("Revocation stream found {} new partition(s) of {}; reading them from the beginning",
                added.size(), settings.topic());
    }

    private static Set<Integer> partitionNumbers(List<TopicPartition> partitions) {
        return Set.copyOf(partitions.stream().map(TopicPartition::partition).toList());
    }

    private static boolean reached(Consumer<String, String> kafka, Map<TopicPartition, Long> ends) {
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
            case AuthEventRecord.Heartbeat h -> heartbeat(record.partition(), h.emittedAt());
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
                if (u.revocation()) {
                    // A revocation we know we missed: decide nothing from the set until it could have mattered.
                    store.markIncomplete(clock.instant().plus(settings.readBack()));
                    log.error("Unreadable session.revoked at {}-{}@{} ({}): requests fall back for {}",
                            record.topic(), record.partition(), record.offset(), u.reason(), settings.readBack());
                } else {
                    log.warn("Skipped an unreadable auth event at {}-{}@{}: {}", record.topic(), record.partition(),
                            record.offset(), u.reason());
                }
            }
        }
    }

    /**
     * Freshness is kept on this machine's clock: the heartbeat counts from when it was received, never from a later
     * {@code emitted_at} (a fast producer clock or a forged record must not extend it); one that claims to come from
     * beyond the clock skew is ignored and counted.
     */
    private void heartbeat(int partition, Instant emittedAt) {
        Instant received = clock.instant();
        if (emittedAt.isAfter(received.plus(settings.clockSkew()))) {
            futureHeartbeats.incrementAndGet();
            log.warn("Ignored a heartbeat on partition {} emitted at {}, ahead of this clock ({})", partition,
                    emittedAt, received);
            return;
        }
        Instant effective = emittedAt.isBefore(received) ? emittedAt : received;
        heartbeats.merge(partition, effective, (old, now) -> now.isAfter(old) ? now : old);
    }

    /** Whether every revocation published before start (and on partitions added since) has been read. */
    public boolean caughtUp() {
        return caughtUp && !clock.instant().isBefore(gapUntil);
    }

    /** Whether every assigned partition carried a heartbeat younger than {@code staleAfter} at {@code now}. */
    public boolean fresh(Instant now) {
        Set<Integer> partitions = assigned;
        if (!running || partitions.isEmpty()) {
            return false;
        }
        Instant oldestAllowed = now.minus(settings.staleAfter());
        for (Integer p : partitions) {
            Instant at = heartbeats.get(p);
            if (at == null || at.isBefore(oldestAllowed)) {
                return false;
            }
        }
        return true;
    }

    /** Age of the stalest assigned partition's newest heartbeat, or null while one has none. */
    public @Nullable Duration heartbeatAge(Instant now) {
        Set<Integer> partitions = assigned;
        if (partitions.isEmpty()) {
            return null;
        }
        List<Instant> ats = new ArrayList<>();
        for (Integer p : partitions) {
            Instant at = heartbeats.get(p);
            if (at == null) {
                return null;
            }
            ats.add(at);
        }
        return ats.stream().min(Instant::compareTo).map(oldest -> Duration.between(oldest, now)).orElse(null);
    }

    /** Whether a consumer is running (false between a failure and its restart). */
    public boolean consuming() {
        return consuming;
    }

    public long restarts() {
        return restarts.get();
    }

    public long futureHeartbeats() {
        return futureHeartbeats.get();
    }

    public long unreadableRecords() {
        return unreadable.get();
    }

    public long revocationsRead() {
        return revocations.get();
    }

    public void stop() {
        running = false;
        Consumer<String, String> current = consumer;
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
        // A seek position deleted by retention must re-read from the start, never jump past revocations.
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return p;
    }
}
