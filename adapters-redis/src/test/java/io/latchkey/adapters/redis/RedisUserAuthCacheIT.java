package io.latchkey.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import io.latchkey.domain.error.AuthCacheUnavailableException;
import io.latchkey.domain.model.auth.AuthSnapshot;
import io.latchkey.domain.model.session.SessionId;
import io.latchkey.domain.model.user.UserId;
import io.latchkey.domain.port.AuthCache;
import io.latchkey.domain.testfixtures.AuthCacheContractTest;
import io.latchkey.testsupport.TestInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import io.latchkey.domain.model.user.UserProfile;
import io.latchkey.domain.testfixtures.UserFixtures;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.test.StepVerifier;

/** The tiered adapter against the contract, on the real Redis, and the Redis tier's key layout. */
class RedisUserAuthCacheIT extends AuthCacheContractTest {

    private static LettuceConnectionFactory connections;
    private static ReactiveStringRedisTemplate redis;
    private static RedisUserAuthCache cache;

    @BeforeAll
    static void connect() {
        Map<String, String> props = TestInfrastructure.shared().redisProperties();
        connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration(
                props.get("spring.data.redis.host"), Integer.parseInt(props.get("spring.data.redis.port"))));
        connections.afterPropertiesSet();
        connections.start();
        redis = new ReactiveStringRedisTemplate(connections);
        cache = new RedisUserAuthCache(redis, InstantSource.system(), new AuthCacheSettings(Duration.ofMinutes(5),
                Duration.ofMillis(200), 50, 20, Duration.ofSeconds(2)),
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
    }

    @AfterAll
    static void disconnect() {
        connections.destroy();
    }

    private final TieredAuthCache tiered = new TieredAuthCache(new CaffeineNearAuthCache(
            new NearCacheSettings(Duration.ofSeconds(5), 1000),
            new RevokedSessions(1_000, Duration.ZERO, InstantSource.system(),
                    new io.micrometer.core.instrument.simple.SimpleMeterRegistry()),
            new io.micrometer.core.instrument.simple.SimpleMeterRegistry()), cache);

    @Override
    protected AuthCache cache() {
        return tiered;
    }

    @Override
    protected Instant now() {
        return Instant.now();
    }

    @Test
    void givenRedisLostItsScriptsThenHung_aPurgeSentMeanwhile_runsWhenItResumes() {
        TestInfrastructure infra = TestInfrastructure.shared();
        assumeThat(infra.canStopRedis()).as("needs the embedded Redis").isTrue();
        UserId user = new UserId(UUID.randomUUID());
        SessionId session = new SessionId(UUID.randomUUID());
        cache.putSession(new AuthSnapshot(user, session, Set.of("USER"), false, 0, Instant.now().plus(Duration.ofMinutes(10))),
                cache.purgeCount(user).block()).block();
        String sessionKey = "lk:{u:" + user + "}:s:" + session;
        // As after a restart or a failover to a node that never loaded them.
        redis.execute(connection -> connection.scriptingCommands().scriptFlush()).blockLast();

        infra.pauseRedis();
        try {
            StepVerifier.create(cache.evictSession(user, session)).expectError(AuthCacheUnavailableException.class)
                    .verify(Duration.ofSeconds(5));
        } finally {
            infra.resumeRedis();
        }
        await().atMost(Duration.ofSeconds(2)).until(() -> !redis.hasKey(sessionKey).block());
    }

    @Test
    void givenFill_keys_followTheClusterSafeLayoutWithTtls() {
        UserId user = new UserId(UUID.randomUUID());
        SessionId session = new SessionId(UUID.randomUUID());
        cache.putSession(new AuthSnapshot(user, session, Set.of("USER"), false, 0, Instant.now().plus(Duration.ofMinutes(10))),
                cache.purgeCount(user).block()).block();

        String sessionKey = "lk:{u:" + user + "}:s:" + session;
        assertThat(redis.opsForHash().entries(sessionKey).collectList().block()).isNotEmpty();
        assertThat(redis.opsForSet().members("lk:{u:" + user + "}:sessions").collectList().block())
                .containsExactly(session.toString());
        Duration ttl = redis.getExpire(sessionKey).block();
        assertThat(ttl).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(10));

        cache.evictUser(user).block();
        assertThat(redis.hasKey(sessionKey).block()).isFalse();
        assertThat(redis.hasKey("lk:{u:" + user + "}:sessions").block()).isFalse();
        assertThat(redis.opsForValue().get("lk:{u:" + user + "}:epoch").block())
                .as("the key name every version shares").isEqualTo("1");
    }

    @Test
    void givenAReadThatReadRedisBetweenTheTwoPurgeSteps_afterEvictUser_theNearTierDoesNotServeItsCopy() {
        UserProfile profile = UserFixtures.anActiveUser(Instant.now()).profile();
        AtomicReference<@Nullable TieredAuthCache> reader = new AtomicReference<>();
        // A Redis tier whose purge first lets a read run: after the near purge, before the Redis purge.
        RedisUserAuthCache heldPurge = new RedisUserAuthCache(redis, InstantSource.system(), new AuthCacheSettings(
                Duration.ofMinutes(5), Duration.ofMillis(200), 50, 20, Duration.ofSeconds(2)), new SimpleMeterRegistry()) {
            @Override
            Mono<Void> evictUser(UserId userId) {
                return reader.get().findProfile(userId).then(super.evictUser(userId));
            }
        };
        TieredAuthCache purging = new TieredAuthCache(new CaffeineNearAuthCache(
                new NearCacheSettings(Duration.ofSeconds(5), 1000),
                new RevokedSessions(1_000, Duration.ZERO, InstantSource.system(), new SimpleMeterRegistry()),
                new SimpleMeterRegistry()), heldPurge);
        reader.set(purging);
        purging.putProfile(profile, purging.purgeCount(profile.id()).block()).block();

        purging.evictUser(profile.id()).block();

        assertThat(purging.findProfile(profile.id()).blockOptional()).isEmpty();
    }
}
