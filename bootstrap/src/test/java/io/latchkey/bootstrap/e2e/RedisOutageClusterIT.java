package io.latchkey.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jwt.SignedJWT;
import io.latchkey.adapters.redis.CaffeineNearAuthCache;
import io.latchkey.adapters.redis.NearAuthCache;
import io.latchkey.bootstrap.testing.HttpProbe;
import io.latchkey.domain.model.session.SessionId;
import io.latchkey.domain.port.AuthCache;
import io.latchkey.testsupport.TestInfrastructure;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.RestoreParams;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two instances sharing one Redis that is stopped (connections refused) or paused (SIGSTOP: connections open,
 * nothing answers). Both stay ready and answer {@code /me} through the PostgreSQL fallback: live tokens 200, revoked
 * ones 401. Paused, the circuit breaker opens and the fallback answers without waiting for Redis, keeping its answers
 * in the near tier. Resumed, Redis still holds the entry of a session logged out while it was paused, and neither
 * instance admits it.
 */
class RedisOutageClusterIT {

    private static final String PASSWORD = "correct horse battery staple";
    /** Longer than each pause below lasts once the breakers are open, so no trial command reaches Redis meanwhile. */
    private static final Duration BREAKER_OPEN_FOR = Duration.ofSeconds(8);
    private static final Duration FALLBACK_COPY_LIFETIME = Duration.ofSeconds(3);
    private static TwoInstances instances;
    private final JsonMapper json = JsonMapper.builder().build();
    private final TestInfrastructure infra = TestInfrastructure.shared();
    private String email;

    @BeforeAll
    static void start() {
        instances = new TwoInstances(Map.of("latchkey.cache.breaker-open-for", BREAKER_OPEN_FOR.toMillis() + "ms",
                // Short, so the breaker's trial commands against the paused Redis stay under the bound asserted
                // for answers while it is open.
                "latchkey.cache.redis-timeout", "50ms",
                // Long enough that a fallback copy outlives each check below: only a purge can end it.
                "latchkey.cache.near-fallback-ttl", FALLBACK_COPY_LIFETIME.toMillis() + "ms",
                // So /actuator/health/redis answers on its own (the overall /actuator/health is DOWN either way).
                "management.endpoint.health.show-components", "always"));
    }

    @AfterAll
    static void stop() {
        instances.close();
    }

    @BeforeEach
    void account() {
        assumeThat(infra.canStopRedis()).as("needs the embedded Redis").isTrue();
        email = "cluster-" + UUID.randomUUID() + "@example.com";
        assertThat(instances.post(instances.a, "/api/v1/accounts", credentials(), null).statusCode()).isEqualTo(202);
    }

    @Test
    void givenRedisStopped_bothInstancesStayReady_andAnswerMeThroughTheFallback() {
        String live = accessToken();
        String revoked = accessToken();
        String revokedDuringOutage = accessToken();
        assertThat(instances.post(instances.a, "/api/v1/auth/logout", "", revoked).statusCode()).isEqualTo(204);
        everywhere(live, 200);
        everywhere(revokedDuringOutage, 200);

        infra.stopRedis();
        try {
            assertThat(instances.post(instances.b, "/api/v1/auth/logout", "", revokedDuringOutage).statusCode())
                    .isEqualTo(204);
            long until = System.nanoTime() + Duration.ofSeconds(4).toNanos();
            while (System.nanoTime() < until) {
                for (ConfigurableApplicationContext instance : List.of(instances.a, instances.b)) {
                    assertThat(HttpProbe.status(TwoInstances.url(instance, "/actuator/health/readiness")))
                            .as("readiness with the shared Redis down").isEqualTo(200);
                    assertThat(HttpProbe.status(TwoInstances.url(instance, "/actuator/health/redis"))).isEqualTo(503);
                }
                everywhere(live, 200);
                everywhere(revoked, 401);
                everywhere(revokedDuringOutage, 401);
            }
        } finally {
            infra.startRedis();
        }
        everywhere(live, 200);
        everywhere(revoked, 401);
        everywhere(revokedDuringOutage, 401);
    }

    @Test
    void givenRedisPaused_theBreakerOpens_andMeIsAnsweredFromPostgresWithoutWaitingForRedis() {
        String revoked = accessToken();
        assertThat(instances.post(instances.a, "/api/v1/auth/logout", "", revoked).statusCode()).isEqualTo(204);
        List<String> openers = accessTokens(16);
        // Sessions neither instance has looked up yet: their first /me misses the near cache and needs the fallback.
        List<String> fresh = accessTokens(8);

        infra.pauseRedis();
        List<Long> millis = new ArrayList<>();
        try {
            openBreakers(openers);
            double nearHitsBefore = nearSessionHits(instances.a);
            for (String token : fresh) {
                for (ConfigurableApplicationContext instance : List.of(instances.a, instances.b)) {
                    millis.add(timed(instance, token, 200));
                    millis.add(timed(instance, revoked, 401));
                }
                // The fallback kept what it read in A's near tier: asked again, A needs no lookup.
                millis.add(timed(instances.a, token, 200));
            }
            assertThat(nearSessionHits(instances.a) - nearHitsBefore).as("near-tier hits on A, each session asked again")
                    .isEqualTo(fresh.size());
            assertThat(breakerState(instances.a)).isEqualTo("open");
            assertThat(breakerState(instances.b)).isEqualTo("open");
            assertThat(HttpProbe.status(TwoInstances.url(instances.a, "/actuator/health/readiness"))).isEqualTo(200);
            assertThat(HttpProbe.status(TwoInstances.url(instances.b, "/actuator/health/readiness"))).isEqualTo(200);
        } finally {
            infra.resumeRedis();
        }
        Collections.sort(millis);
        System.out.printf("/me with Redis paused and the breakers open, %d requests: p50 %d ms, p95 %d ms, max %d ms%n",
                millis.size(), millis.get(millis.size() / 2), millis.get(millis.size() * 95 / 100), millis.getLast());
        assertThat(millis.getLast()).as("slowest answer while the breaker is open, against the former 500 ms timeout")
                .isLessThan(250);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            everywhere(fresh.getFirst(), 200);
            assertThat(breakerState(instances.a)).isEqualTo("closed");
            assertThat(breakerState(instances.b)).isEqualTo("closed");
        });
        everywhere(revoked, 401);
        assertThat(instances.get(instances.a, "/actuator/prometheus").body()).as("the breaker state, as documented")
                .containsPattern("resilience4j_circuitbreaker_state\\{[^}]*name=\"redis\"[^}]*state=\"closed\"[^}]*} 1\\.0");
    }

    @Test
    void givenSessionCachedThenLoggedOutWhileRedisPaused_theResumedStaleEntryIsRefusedOnEveryInstance() throws Exception {
        String token = accessToken();
        String other = accessToken();
        List<String> openers = accessTokens(16);
        String staleKey = sessionKey(token);
        SessionId tokenSession = sessionOf(token);
        // A breaker still open from the previous outage skips the login's write and the refills; once it closed, a
        // lookup on a near-cache miss fills Redis.
        await().atMost(BREAKER_OPEN_FOR.plusSeconds(5)).pollInterval(Duration.ofMillis(100)).until(() -> {
            everywhere(token, 200);
            return redisHas(staleKey);
        });
        byte[] snapshot;
        long ttlMillis;
        try (Jedis jedis = jedis()) {
            snapshot = jedis.dump(staleKey);
            ttlMillis = jedis.pttl(staleKey);
        }
        // Without the shared consumer's re-driven purge the stale entry stays in Redis for as long as this test looks,
        // so every refusal below is one with the entry there, not one after a lucky purge.
        sharedPurge(false);
        try {
            infra.pauseRedis();
            long loggedOut;
            try {
                openBreakers(openers);
                // Both instances now keep the fallback's answer for the session (FALLBACK_COPY_LIFETIME).
                everywhere(token, 200);
                assertThat(((CaffeineNearAuthCache) instances.a.getBean(NearAuthCache.class)).holds(tokenSession)).isTrue();
                assertThat(((CaffeineNearAuthCache) instances.b.getBean(NearAuthCache.class)).holds(tokenSession)).isTrue();
                assertThat(instances.post(instances.a, "/api/v1/auth/logout", "", token).statusCode()).isEqualTo(204);
                loggedOut = System.nanoTime();
                // B's copy would live seconds more: only its auth-event consumer (Kafka) can end it this soon.
                await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(20))
                        .until(() -> instances.getStatus(instances.b, "/api/v1/me", token) == 401);
                System.out.printf("B refused the token %d ms after A's 204, Redis paused%n",
                        (System.nanoTime() - loggedOut) / 1_000_000);
                everywhere(token, 401);
            } finally {
                infra.resumeRedis();
            }
            // A's purge was sent despite the open breaker: the hung Redis runs it as soon as it resumes.
            await().atMost(Duration.ofSeconds(2)).until(() -> !redisHas(staleKey));
            // Redis back with its data as it was before the purge (a snapshot restored, a stale replica promoted).
            try (Jedis jedis = jedis()) {
                jedis.restore(staleKey, ttlMillis, snapshot, RestoreParams.restoreParams().replace());
            }
            assertThat(redisHas(staleKey)).as("Redis came back holding the revoked session's entry").isTrue();

            // Through the breakers' trial commands and closing: every answer on both instances is a refusal.
            long until = System.nanoTime() + BREAKER_OPEN_FOR.plusSeconds(3).toNanos();
            int checks = 0;
            int checksWhileStale = 0;
            while (System.nanoTime() < until) {
                boolean stale = redisHas(staleKey);
                everywhere(token, 401);
                checks++;
                if (stale) {
                    checksWhileStale++;
                }
            }
            System.out.printf("%d checks on each instance after resume (%d with the stale entry in Redis), all 401%n",
                    checks, checksWhileStale);
            // Any purge that lands meanwhile is welcome; the refusals must have been tested against the stale entry.
            assertThat(checksWhileStale).as("checks made while Redis held the revoked session's entry").isPositive();

            // A pod started now never saw the event (and here consumes none): it learns the revocation from PostgreSQL.
            ConfigurableApplicationContext late = instances.startAnother("instance-late",
                    Map.of("latchkey.events.consumers-enabled", "false"));
            await().atMost(Duration.ofSeconds(10)).until(() -> late.getBean(AuthCache.class).isRevoked(tokenSession));
            assertThat(instances.getStatus(late, "/api/v1/me", token)).as("/me on the late instance").isEqualTo(401);
            assertThat(instances.getStatus(late, "/api/v1/me", other)).as("a live session there").isEqualTo(200);
            assertThat(instances.get(late, "/actuator/prometheus").body()).as("the memory's metrics, as documented")
                    .containsPattern("(?m)^latchkey_revoked_sessions\\{[^}]*} [1-9]")
                    .containsPattern("(?m)^latchkey_revoked_sessions_evicted_total\\{[^}]*} 0\\.0$");
        } finally {
            sharedPurge(true);
        }
        // The entry was restored after its event was consumed (by these instances or any other member of the shared
        // group in this JVM), as a restored snapshot would be: nothing is owed to purge it, so the refusal must hold
        // with the consumers back and the stale entry possibly still there, until the tokens expire.
        long stillRefusedUntil = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (System.nanoTime() < stillRefusedUntil) {
            everywhere(token, 401);
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> everywhere(other, 200));
    }

    /**
     * Stops or restarts the cluster-wide purge consumer ({@code latchkey-auth-cache}) on both instances; a stopped
     * listener container takes the instance out of readiness ({@code eventListeners}), a restarted one brings it back.
     */
    private static void sharedPurge(boolean running) {
        for (ConfigurableApplicationContext instance : List.of(instances.a, instances.b)) {
            MessageListenerContainer container = instance.getBean(KafkaListenerEndpointRegistry.class)
                    .getListenerContainer("latchkey-shared-purge");
            assertThat(container).isNotNull();
            if (running) {
                container.start();
            } else {
                container.stop();
            }
            String readiness = TwoInstances.url(instance, "/actuator/health/readiness");
            await().atMost(Duration.ofSeconds(10)).until(() -> HttpProbe.status(readiness) == (running ? 200 : 503));
        }
    }

    /**
     * Sends each token's /me to both instances until each one's breaker is open, each after emptying that instance's
     * near tier: the fallback keeps its answers there (the login put the session there too), so a lookup that found
     * them would never reach the paused Redis. Each one asks it and times out; with the defaults half of the last 20
     * commands must have failed.
     */
    private void openBreakers(List<String> tokens) {
        for (ConfigurableApplicationContext instance : List.of(instances.a, instances.b)) {
            for (String token : tokens) {
                if ("open".equals(breakerState(instance))) {
                    break;
                }
                instance.getBean(NearAuthCache.class).evictAll().block();
                assertThat(instances.getStatus(instance, "/api/v1/me", token)).isEqualTo(200);
            }
            assertThat(breakerState(instance)).as("breaker after up to %d timed-out lookups", tokens.size()).isEqualTo("open");
        }
    }

    private static double nearSessionHits(ConfigurableApplicationContext instance) {
        return instance.getBean(MeterRegistry.class).get("latchkey.auth.cache.lookups").tag("layer", "near")
                .tag("result", "hit").counter().count();
    }

    /** The breaker state as the instance's metric reports it. */
    private static String breakerState(ConfigurableApplicationContext instance) {
        for (String state : List.of("closed", "open", "half_open")) {
            Gauge gauge = instance.getBean(MeterRegistry.class).find("resilience4j.circuitbreaker.state")
                    .tag("name", "redis").tag("state", state).gauge();
            if (gauge != null && gauge.value() == 1.0) {
                return state;
            }
        }
        return "unknown";
    }

    private void everywhere(String token, int expected) {
        assertThat(instances.getStatus(instances.a, "/api/v1/me", token)).as("/me on A").isEqualTo(expected);
        assertThat(instances.getStatus(instances.b, "/api/v1/me", token)).as("/me on B").isEqualTo(expected);
    }

    private long timed(ConfigurableApplicationContext instance, String token, int expected) {
        long started = System.nanoTime();
        assertThat(instances.getStatus(instance, "/api/v1/me", token)).isEqualTo(expected);
        return (System.nanoTime() - started) / 1_000_000;
    }

    private boolean redisHas(String key) {
        try (Jedis jedis = jedis()) {
            return jedis.exists(key);
        }
    }

    private Jedis jedis() {
        Map<String, String> redis = infra.redisProperties();
        return new Jedis(redis.get("spring.data.redis.host"), Integer.parseInt(redis.get("spring.data.redis.port")));
    }

    private static SessionId sessionOf(String token) throws Exception {
        return new SessionId(UUID.fromString(SignedJWT.parse(token).getJWTClaimsSet().getStringClaim("sid")));
    }

    private static String sessionKey(String token) throws Exception {
        var claims = SignedJWT.parse(token).getJWTClaimsSet();
        return "lk:{u:" + claims.getSubject() + "}:s:" + claims.getStringClaim("sid");
    }

    private List<String> accessTokens(int count) {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tokens.add(accessToken());
        }
        return tokens;
    }

    private String accessToken() {
        return json.readTree(instances.post(instances.a, "/api/v1/auth/login", credentials(), null).body())
                .get("access_token").asString();
    }

    private String credentials() {
        return "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}";
    }
}
