package io.latchkey.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.latchkey.domain.model.auth.AuthSnapshot;
import io.latchkey.domain.model.session.SessionId;
import io.latchkey.domain.model.user.UserId;
import io.latchkey.testsupport.TestInfrastructure;
import io.lettuce.core.KillArgs;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * Purge announcements sent while this instance is not subscribed are lost, so the near cache must not keep what it
 * held across a (re)subscription: with the longest near-cache TTL (5 s), an entry must be gone well before it expires.
 */
class NearCachePurgeSubscriberIT {

    private static final Duration WELL_BEFORE_THE_TTL = Duration.ofSeconds(2);
    private static LettuceConnectionFactory connections;
    private static ReactiveStringRedisTemplate redis;
    private static RedisClient admin;
    private final CaffeineNearAuthCache near = new CaffeineNearAuthCache(
            new NearCacheSettings(Duration.ofSeconds(5), 1000),
            new RevokedSessions(1_000, Duration.ZERO, java.time.InstantSource.system(), new SimpleMeterRegistry()),
            new SimpleMeterRegistry());
    private final NearCachePurgeSubscriber subscriber = new NearCachePurgeSubscriber(connections, near);

    @BeforeAll
    static void connect() {
        Map<String, String> props = TestInfrastructure.shared().redisProperties();
        String host = props.get("spring.data.redis.host");
        int port = Integer.parseInt(props.get("spring.data.redis.port"));
        connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration(host, port));
        connections.afterPropertiesSet();
        connections.start();
        redis = new ReactiveStringRedisTemplate(connections);
        admin = RedisClient.create(RedisURI.create(host, port));
    }

    @AfterAll
    static void disconnect() {
        admin.shutdown();
        connections.destroy();
    }

    @AfterEach
    void stopSubscriber() {
        subscriber.stop();
    }

    private AuthSnapshot cached() {
        UserId user = new UserId(UUID.randomUUID());
        AuthSnapshot snapshot = new AuthSnapshot(user, new SessionId(UUID.randomUUID()), Set.of("USER"), true, 0,
                Instant.now().plus(Duration.ofMinutes(10)));
        // A fill racing the subscriber's clear-on-subscribe is dropped by design: fill again until one lands.
        assertThat(within(Duration.ofSeconds(2), () -> {
            near.putSession(snapshot, near.purgeCount(user)).block();
            return near.holds(snapshot.sessionId());
        })).isTrue();
        return snapshot;
    }

    /** Subscribed for sure: an announcement sent now is applied. */
    private void awaitSubscribed() {
        AuthSnapshot probe = cached();
        assertThat(within(Duration.ofSeconds(10), () -> {
            redis.convertAndSend(NearCachePurges.CHANNEL, NearCachePurges.session(probe.userId(), probe.sessionId())).block();
            return !near.holds(probe.sessionId());
        })).as("the subscriber applies announcements").isTrue();
    }

    @Test
    void givenEntriesFromBeforeTheSubscription_theyAreDroppedOnceItIsEstablished() {
        AuthSnapshot before = cached();
        subscriber.start();
        assertThat(within(WELL_BEFORE_THE_TTL, () -> !near.holds(before.sessionId())))
                .as("announcements before the subscription may be lost: nothing from before it is kept").isTrue();
    }

    @Test
    void givenTheAnnouncementConnectionDropped_theNearCacheIsClearedWhenItIsBack() {
        subscriber.start();
        awaitSubscribed();
        AuthSnapshot held = cached();
        try (StatefulRedisConnection<String, String> connection = admin.connect()) {
            assertThat(connection.sync().clientKill(KillArgs.Builder.typePubsub())).isPositive();
        }
        assertThat(within(WELL_BEFORE_THE_TTL, () -> !near.holds(held.sessionId())))
                .as("announcements sent while reconnecting are lost: the entry must not wait for its TTL").isTrue();
        awaitSubscribed();
    }

    private static boolean within(Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }
}
