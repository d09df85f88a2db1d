package io.latchkey.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jwt.SignedJWT;
import io.latchkey.adapters.kafka.InstanceIdentity;
import io.latchkey.adapters.redis.CaffeineNearAuthCache;
import io.latchkey.domain.model.session.SessionId;
import io.latchkey.adapters.redis.NearAuthCache;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.context.Lifecycle;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Logout on instance A, rejection on instance B: B holds the session in its near cache, which only a purge
 * announcement (Redis pub/sub, at A's revocation) or the {@code session.revoked} event (outbox → Kafka → B's own
 * consumer group) can empty before its TTL. Over
 * {@value #LOGOUTS} logouts the test measures, from A's 204, the time until B's near cache dropped the session
 * and until B answered 401, plus B's Kafka-path timer, and writes them to {@code bench/out/propagation.txt}. The
 * second test measures what B's own consumer group adds when B misses the announcements.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RevocationPropagationIT {

    /** The near cache's TTL in these instances ({@code latchkey.cache.near-ttl}, default). */
    private static final Duration NEAR_TTL = Duration.ofSeconds(3);
    private static final int WITH_KAFKA_ROUNDS = 20;
    private static final int WITHOUT_KAFKA_ROUNDS = 3;

    private static final int LOGOUTS = 200;
    private static final String PASSWORD = "correct horse battery staple";
    private static TwoInstances instances;
    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeAll
    static void start() {
        instances = new TwoInstances(Map.of());
    }

    @AfterAll
    static void stop() {
        instances.close();
    }

    @Test
    @Order(1)
    void givenLogoutOnA_BRejectsTheTokenAsSoonAsTheEventArrives() throws Exception {
        String email = "prop-" + UUID.randomUUID() + "@example.com";
        assertThat(instances.post(instances.a, "/api/v1/accounts",
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}", null).statusCode()).isEqualTo(202);
        CaffeineNearAuthCache nearOnB = (CaffeineNearAuthCache) instances.b.getBean(NearAuthCache.class);
        Timer kafkaPath = instances.b.getBean(MeterRegistry.class).find("latchkey.revocation.propagation").timer();
        List<Long> purgeMicros = new ArrayList<>();
        List<Long> rejectMicros = new ArrayList<>();

        for (int i = 0; i < LOGOUTS; i++) {
            // The previous logout's Kafka event moves the user's generation on B when it lands; a fill racing it is
            // (rightly) dropped, so the next session is only looked at once that event has been consumed.
            long consumed = i;
            await().atMost(Duration.ofSeconds(10)).until(() -> kafkaPath.count() >= consumed);
            var login = instances.post(instances.a, "/api/v1/auth/login",
                    "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}", null);
            String access = json.readTree(login.body()).get("access_token").asString();
            SessionId sid = SessionId.parse(SignedJWT.parse(access).getJWTClaimsSet().getStringClaim("sid"));
            servedFromNearCacheOfB(nearOnB, access, sid);

            assertThat(instances.post(instances.a, "/api/v1/auth/logout", "", access).statusCode()).isEqualTo(204);
            long loggedOut = System.nanoTime();
            long deadline = loggedOut + Duration.ofSeconds(10).toNanos();
            while (nearOnB.holds(sid) && System.nanoTime() < deadline) {
                LockSupport.parkNanos(50_000);
            }
            long purged = System.nanoTime();
            assertThat(nearOnB.holds(sid)).as("purged on B by the event").isFalse();
            assertThat(instances.getStatus(instances.b, "/api/v1/me", access)).isEqualTo(401);
            long rejected = System.nanoTime();
            purgeMicros.add((purged - loggedOut) / 1_000);
            rejectMicros.add((rejected - loggedOut) / 1_000);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> kafkaPath.count() >= LOGOUTS);
        report(purgeMicros, rejectMicros, kafkaPath.takeSnapshot());
    }

    /**
     * B's purge announcements are cut (its subscription stopped, as when pub/sub drops a subscriber unnoticed): with
     * its own consumer group, B refuses a session logged out on A as soon as the event arrives; without it, B keeps
     * answering from its near cache until the entry expires (up to the near-cache TTL). The figures go to
     * {@code bench/out/propagation-without-pubsub.txt}.
     */
    @Test
    @Order(2)
    void givenBMissesTheAnnouncements_itsOwnConsumerGroupIsWhatPurgesItBeforeTheTtl() throws Exception {
        String email = "prop-nopubsub-" + UUID.randomUUID() + "@example.com";
        assertThat(instances.post(instances.a, "/api/v1/accounts",
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}", null).statusCode()).isEqualTo(202);
        Lifecycle announcementsOnB = (Lifecycle) instances.b.getBean("nearCachePurgeSubscriber");
        MessageListenerContainer eventsOnB = instances.b.getBean(KafkaListenerEndpointRegistry.class)
                .getListenerContainer(instances.b.getBean(InstanceIdentity.class).nearCacheGroup());
        Timer kafkaPath = instances.b.getBean(MeterRegistry.class).find("latchkey.revocation.propagation").timer();
        List<Long> withKafka = new ArrayList<>();
        List<Long> withoutKafka = new ArrayList<>();
        announcementsOnB.stop();
        try {
            for (int i = 0; i < WITH_KAFKA_ROUNDS; i++) {
                long consumedBefore = kafkaPath.count();
                withKafka.add(untilBRefuses(email));
                await().atMost(Duration.ofSeconds(10)).until(() -> kafkaPath.count() > consumedBefore);
            }
            eventsOnB.stop();
            await().atMost(Duration.ofSeconds(30)).until(() -> !eventsOnB.isRunning());
            for (int i = 0; i < WITHOUT_KAFKA_ROUNDS; i++) {
                withoutKafka.add(untilBRefuses(email));
            }
        } finally {
            eventsOnB.start();
            announcementsOnB.start();
        }
        String text = String.format(Locale.ROOT,
                "B's purge announcements cut; logout on A -> first 401 from B, milliseconds%n"
                        + "with B's own consumer group (%d logouts): p50 %.1f  p95 %.1f  max %.1f%n"
                        + "without it (%d logouts):                  min %.1f  p50 %.1f  max %.1f  (near-cache TTL %d ms)%n",
                withKafka.size(), pct(withKafka, 50), pct(withKafka, 95), pct(withKafka, 100),
                withoutKafka.size(), pct(withoutKafka, 0), pct(withoutKafka, 50), pct(withoutKafka, 100),
                NEAR_TTL.toMillis());
        System.out.print(text);
        Path out = Path.of("..", "bench", "out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("propagation-without-pubsub.txt"), text);
        assertThat(pct(withKafka, 100)).as("with the event, well before the near-cache TTL")
                .isLessThan(NEAR_TTL.toMillis() / 2.0);
        assertThat(pct(withoutKafka, 50)).as("without it, B serves the revoked session from its near cache for a while")
                .isGreaterThan(pct(withKafka, 100));
    }

    /**
     * Reads /me on B until B holds the session in its near cache. A fill that races a purge of the same user (an
     * earlier logout's announcement or event still arriving on a busy machine) is rightly dropped, so one read may
     * leave nothing cached; the measurement needs the session cached before the logout.
     */
    private static void servedFromNearCacheOfB(CaffeineNearAuthCache nearOnB, String access, SessionId sid) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(instances.getStatus(instances.b, "/api/v1/me", access)).isEqualTo(200);
            assertThat(nearOnB.holds(sid)).as("B serves the session from its near cache").isTrue();
        });
    }

    /** Logs in on A, reads /me on B (B caches the session), logs out on A; microseconds until B answers 401. */
    private long untilBRefuses(String email) throws Exception {
        CaffeineNearAuthCache nearOnB = (CaffeineNearAuthCache) instances.b.getBean(NearAuthCache.class);
        var login = instances.post(instances.a, "/api/v1/auth/login",
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}", null);
        String access = json.readTree(login.body()).get("access_token").asString();
        SessionId sid = SessionId.parse(SignedJWT.parse(access).getJWTClaimsSet().getStringClaim("sid"));
        servedFromNearCacheOfB(nearOnB, access, sid);
        assertThat(instances.post(instances.a, "/api/v1/auth/logout", "", access).statusCode()).isEqualTo(204);
        long loggedOut = System.nanoTime();
        long deadline = loggedOut + Duration.ofSeconds(10).toNanos();
        while (instances.getStatus(instances.b, "/api/v1/me", access) == 200 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(1).toNanos());
        }
        assertThat(instances.getStatus(instances.b, "/api/v1/me", access)).isEqualTo(401);
        return (System.nanoTime() - loggedOut) / 1_000;
    }

    private static void report(List<Long> purge, List<Long> reject, HistogramSnapshot kafka) throws IOException {
        StringBuilder kafkaPercentiles = new StringBuilder();
        for (ValueAtPercentile value : kafka.percentileValues()) {
            kafkaPercentiles.append(String.format(Locale.ROOT, "p%.0f %.1f  ", value.percentile() * 100,
                    value.value(TimeUnit.MILLISECONDS)));
        }
        String text = String.format(Locale.ROOT,
                "revocation propagation over %d logouts (A's 204 -> B), milliseconds%n"
                        + "near-cache purge on B: p50 %.1f  p95 %.1f  p99 %.1f  max %.1f%n"
                        + "first 401 from B:      p50 %.1f  p95 %.1f  p99 %.1f  max %.1f%n"
                        + "Kafka path (event occurred_at -> B's consumer purged, %d events): %smax %.1f%n",
                purge.size(), pct(purge, 50), pct(purge, 95), pct(purge, 99), pct(purge, 100),
                pct(reject, 50), pct(reject, 95), pct(reject, 99), pct(reject, 100),
                kafka.count(), kafkaPercentiles, kafka.max(TimeUnit.MILLISECONDS));
        System.out.print(text);
        Path out = Path.of("..", "bench", "out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("propagation.txt"), text);
    }

    private static double pct(List<Long> values, int percentile) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))) / 1000.0;
    }
}
