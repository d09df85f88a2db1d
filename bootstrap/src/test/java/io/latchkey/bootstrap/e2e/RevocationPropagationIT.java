package io.latchkey.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jwt.SignedJWT;
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
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Logout on instance A, rejection on instance B: B holds the session in its near cache, which only a purge
 * announcement (Redis pub/sub, at A's revocation) or the {@code session.revoked} event (outbox → Kafka → B's own
 * consumer group) can empty before its TTL. Over
 * {@value #LOGOUTS} logouts the test measures, from A's 204, the time until B's near cache dropped the session
 * and until B answered 401, plus B's Kafka-path timer, and writes them to {@code bench/out/propagation.txt}.
 */
class RevocationPropagationIT {

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
    void givenLogoutOnA_BRejectsTheTokenAsSoonAsTheEventArrives() throws Exception {
        String email = "prop-" + UUID.randomUUID() + "@example.com";
        assertThat(instances.post(instances.a, "/api/v1/accounts",
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}", null).statusCode()).isEqualTo(202);
        CaffeineNearAuthCache nearOnB = (CaffeineNearAuthCache) instances.b.getBean(NearAuthCache.class);
        List<Long> purgeMicros = new ArrayList<>();
        List<Long> rejectMicros = new ArrayList<>();

        for (int i = 0; i < LOGOUTS; i++) {
            var login = instances.post(instances.a, "/api/v1/auth/login",
                    "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}", null);
            String access = json.readTree(login.body()).get("access_token").asString();
            SessionId sid = SessionId.parse(SignedJWT.parse(access).getJWTClaimsSet().getStringClaim("sid"));
            assertThat(instances.getStatus(instances.b, "/api/v1/me", access)).isEqualTo(200);
            assertThat(nearOnB.holds(sid)).as("B serves the session from its near cache").isTrue();

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
        Timer kafkaPath = instances.b.getBean(MeterRegistry.class).find("latchkey.revocation.propagation").timer();
        await().atMost(Duration.ofSeconds(10)).until(() -> kafkaPath.count() >= LOGOUTS);
        report(purgeMicros, rejectMicros, kafkaPath.takeSnapshot());
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
