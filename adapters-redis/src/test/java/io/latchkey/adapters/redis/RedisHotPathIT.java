package io.latchkey.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.latchkey.domain.error.DependencyUnavailableException;
import io.latchkey.domain.model.auth.AuthSnapshot;
import io.latchkey.domain.model.session.SessionId;
import io.latchkey.domain.model.user.UserId;
import io.latchkey.testsupport.TestInfrastructure;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * The auth cache against a Redis that hangs (SIGSTOP) instead of refusing connections: commands give up after the
 * hot-path timeout, the breaker opens after enough of them, then commands fail without touching Redis, and once
 * Redis answers again trial commands close it. A private Redis, so the suite's shared one is never frozen.
 */
class RedisHotPathIT {

    private static final Duration TIMEOUT = Duration.ofMillis(100);
    private static final Duration OPEN_FOR = Duration.ofSeconds(1);
    private static TestInfrastructure privateRedis;
    private static LettuceConnectionFactory connections;
    private static RedisUserAuthCache cache;
    private static SimpleMeterRegistry meters;

    @BeforeAll
    static void connect() {
        privateRedis = TestInfrastructure.unmanaged();
        Map<String, String> props = privateRedis.redisProperties();
        connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration(
                props.get("spring.data.redis.host"), Integer.parseInt(props.get("spring.data.redis.port"))));
        connections.afterPropertiesSet();
        connections.start();
        meters = new SimpleMeterRegistry();
        cache = new RedisUserAuthCache(new ReactiveStringRedisTemplate(connections), InstantSource.system(),
                new AuthCacheSettings(Duration.ofMinutes(5), TIMEOUT, 50, 10, OPEN_FOR), meters);
    }

    @AfterAll
    static void disconnect() {
        connections.destroy();
        privateRedis.close();
    }

    @Test
    void givenRedisPaused_commandsTimeOut_thenTheOpenBreakerFailsThemAtOnce_andResumedRedisClosesIt() {
        assumeThat(privateRedis.canStopRedis()).as("needs the embedded Redis").isTrue();
        UserId user = new UserId(UUID.randomUUID());
        SessionId session = new SessionId(UUID.randomUUID());
        AuthSnapshot snapshot = new AuthSnapshot(user, session, Set.of("USER"), true, 0, Instant.now().plusSeconds(600));
        cache.putSession(snapshot, cache.purgeCount(user).block()).block();
        assertThat(state()).isEqualTo("closed");

        privateRedis.pauseRedis();
        try {
            long started = System.nanoTime();
            assertThatThrownBy(() -> cache.findSession(user, session).block())
                    .isInstanceOf(DependencyUnavailableException.class);
            long firstFailureMillis = (System.nanoTime() - started) / 1_000_000;
            assertThat(firstFailureMillis).as("a hung Redis costs the hot-path timeout, not the client's default")
                    .isGreaterThanOrEqualTo(TIMEOUT.toMillis()).isLessThan(400);
            for (int i = 0; i < 10 && !"open".equals(state()); i++) {
                assertThatThrownBy(() -> cache.findSession(user, session).block())
                        .isInstanceOf(DependencyUnavailableException.class);
            }
            assertThat(state()).as("half of the last 10 commands failed").isEqualTo("open");

            started = System.nanoTime();
            assertThatThrownBy(() -> cache.findSession(user, session).block())
                    .isInstanceOf(DependencyUnavailableException.class)
                    .hasRootCauseInstanceOf(io.github.resilience4j.circuitbreaker.CallNotPermittedException.class);
            assertThat((System.nanoTime() - started) / 1_000_000).as("an open breaker does not wait for Redis")
                    .isLessThan(TIMEOUT.toMillis());
        } finally {
            privateRedis.resumeRedis();
        }

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .until(() -> cache.findSession(user, session).block() != null && "closed".equals(state()));
        assertThat(cache.findSession(user, session).block()).as("resumed with its data").isEqualTo(snapshot);
    }

    @Test
    void givenRedisPaused_aLedgerRecordGivesUpAfterThePurgeTimeout_notTheClientsTimeout() {
        assumeThat(privateRedis.canStopRedis()).as("needs the embedded Redis").isTrue();
        RedisEventLedger ledger = new RedisEventLedger(new ReactiveStringRedisTemplate(connections), "auth-cache",
                Duration.ofDays(2));
        privateRedis.pauseRedis();
        try {
            // The client's own command timeout here is Lettuce's default (60 s): only the purge timeout ends it sooner.
            assertThatThrownBy(() -> ledger.record(UUID.randomUUID()).block(Duration.ofSeconds(10)))
                    .isInstanceOf(DependencyUnavailableException.class);
        } finally {
            privateRedis.resumeRedis();
        }
    }

    @Test
    void givenTheBreakerOpen_aPurgeIsStillSent_andDeletesTheEntryRedisCameBackWith() {
        assumeThat(privateRedis.canStopRedis()).as("needs the embedded Redis").isTrue();
        awaitClosed();
        UserId user = new UserId(UUID.randomUUID());
        SessionId session = new SessionId(UUID.randomUUID());
        cache.putSession(new AuthSnapshot(user, session, Set.of("USER"), true, 0, Instant.now().plusSeconds(600)),
                cache.purgeCount(user).block()).block();

        privateRedis.pauseRedis();
        try {
            for (int i = 0; i < 10 && !"open".equals(state()); i++) {
                assertThatThrownBy(() -> cache.findSession(user, session).block())
                        .isInstanceOf(DependencyUnavailableException.class);
            }
        } finally {
            privateRedis.resumeRedis();
        }
        assertThat(state()).isEqualTo("open");

        cache.evictSession(user, session).block();
        assertThat(state()).as("the purge went through the open breaker").isEqualTo("open");
        assertThat(new ReactiveStringRedisTemplate(connections).hasKey(RedisKeys.session(user, session)).block())
                .as("the stale entry is gone").isFalse();
    }

    @Test
    void givenRedisAnswersWithErrorReplies_theBreakerStaysClosed() {
        awaitClosed();
        ReactiveStringRedisTemplate redis = new ReactiveStringRedisTemplate(connections);
        UserId user = new UserId(UUID.randomUUID());
        SessionId session = new SessionId(UUID.randomUUID());
        // A string where the session hash belongs: every lookup gets a WRONGTYPE error reply, as a fill gets OOM.
        redis.opsForValue().set(RedisKeys.session(user, session), "not a hash").block();
        for (int i = 0; i < 20; i++) {
            assertThatThrownBy(() -> cache.findSession(user, session).block())
                    .isInstanceOf(DependencyUnavailableException.class).hasStackTraceContaining("WRONGTYPE");
        }
        assertThat(state()).as("Redis answered every command; it is not down").isEqualTo("closed");
    }

    @Test
    void onlyUnansweredCommandsCountAsBreakerFailures() {
        assertThat(RedisHotPath.unanswered(new java.util.concurrent.TimeoutException())).isTrue();
        assertThat(RedisHotPath.unanswered(new org.springframework.data.redis.RedisConnectionFailureException("refused")))
                .isTrue();
        assertThat(RedisHotPath.unanswered(new org.springframework.data.redis.RedisSystemException("OOM",
                new io.lettuce.core.RedisCommandExecutionException("OOM command not allowed")))).isFalse();
    }

    private static void awaitClosed() {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .until(() -> {
                    cache.purgeCount(new UserId(UUID.randomUUID())).block();
                    return "closed".equals(state());
                });
    }

    /** The state the breaker metric reports, as Prometheus would scrape it. */
    private static String state() {
        for (CircuitBreaker.State candidate : new CircuitBreaker.State[] {CircuitBreaker.State.CLOSED,
                CircuitBreaker.State.OPEN, CircuitBreaker.State.HALF_OPEN}) {
            String name = candidate.name().toLowerCase(java.util.Locale.ROOT);
            var gauge = meters.find("resilience4j.circuitbreaker.state").tag("name", RedisHotPath.BREAKER)
                    .tag("state", name).gauge();
            if (gauge != null && gauge.value() == 1.0) {
                return name;
            }
        }
        return "unknown";
    }
}
