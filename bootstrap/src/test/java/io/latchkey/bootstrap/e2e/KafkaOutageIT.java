package io.latchkey.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.latchkey.testsupport.KafkaProcess;
import io.latchkey.testsupport.TestInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Kafka down: every endpoint still works, revocations are still effective at once on both instances, the
 * outbox grows. Kafka back: every event of the outage is handled exactly once by each consumer group (a revocation's
 * purge that the revoking instance already made counts as handled there).
 */
class KafkaOutageIT {

    private static final String PASSWORD = "correct horse battery staple";
    private static final Duration SUMMARY_INTERVAL = Duration.ofSeconds(2);
    private static KafkaProcess kafka;
    private static TwoInstances instances;
    private static Map<String, String> database;
    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeAll
    static void start() {
        kafka = KafkaProcess.start();
        // Its own database: other application contexts of the suite relay the shared outbox to the other broker.
        database = TestInfrastructure.shared().isolatedDatabase("outage_" + UUID.randomUUID().toString().replace("-", ""));
        Map<String, String> properties = new java.util.HashMap<>(database);
        properties.put("spring.kafka.bootstrap-servers", kafka.bootstrapServers());
        properties.put("latchkey.events.relay-poll-interval", "200ms");
        properties.put("latchkey.events.outage-summary-interval", SUMMARY_INTERVAL.toSeconds() + "s");
        instances = new TwoInstances(properties);
    }

    @AfterAll
    static void stop() {
        if (instances != null) {
            instances.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void givenKafkaDown_authKeepsWorkingAndEveryEventIsDeliveredOnceAfterwards() throws Exception {
        String email = "outage-" + UUID.randomUUID() + "@example.com";
        assertThat(instances.post(instances.a, "/api/v1/accounts", credentials(email), null).statusCode()).isEqualTo(202);
        awaitConsumersCaughtUp();
        double sharedBefore = handled("shared", instances.a) + handled("shared", instances.b);
        double nearBeforeA = handled("near", instances.a);
        double nearBeforeB = handled("near", instances.b);

        Map<String, String> first = tokens(instances.post(instances.a, "/api/v1/auth/login", credentials(email), null).body());
        assertThat(instances.getStatus(instances.b, "/api/v1/me", first.get("access"))).isEqualTo(200);

        Instant outageStart = Instant.now();
        kafka.stop();

        Map<String, String> second = tokens(instances.post(instances.b, "/api/v1/auth/login", credentials(email), null).body());
        Map<String, String> rotated = tokens(instances.post(instances.a, "/api/v1/auth/refresh",
                "{\"refresh_token\":\"" + first.get("refresh") + "\"}", null).body());
        assertThat(instances.getStatus(instances.b, "/api/v1/me", rotated.get("access"))).isEqualTo(200);
        assertThat(instances.post(instances.a, "/api/v1/auth/logout", "", rotated.get("access")).statusCode()).isEqualTo(204);
        // B hears of it on the Redis purge channel, not through Kafka: milliseconds, but asynchronously, so a request
        // racing the message on a loaded machine may still be answered from B's near cache. Allow it 250 ms.
        await().atMost(Duration.ofMillis(250)).pollInterval(Duration.ofMillis(5)).untilAsserted(() ->
                assertThat(instances.getStatus(instances.b, "/api/v1/me", rotated.get("access")))
                        .as("revoked on B within 250 ms, without Kafka").isEqualTo(401));
        assertThat(instances.getStatus(instances.a, "/api/v1/me", rotated.get("access"))).isEqualTo(401);
        assertThat(instances.getStatus(instances.a, "/api/v1/me", second.get("access"))).isEqualTo(200);
        assertThat(instances.post(instances.b, "/api/v1/auth/logout-all", "", second.get("access")).statusCode()).isEqualTo(204);
        await().atMost(Duration.ofMillis(250)).pollInterval(Duration.ofMillis(5)).untilAsserted(() ->
                assertThat(instances.getStatus(instances.a, "/api/v1/me", second.get("access")))
                        .as("every session revoked on A within 250 ms, without Kafka").isEqualTo(401));

        List<UUID> outageEvents = eventsSince(outageStart);
        assertThat(outageEvents).as("session.started, token.rotated, two session.revoked").hasSize(4);
        assertThat(pending()).as("the outbox holds them while Kafka is down").isEqualTo(outageEvents.size());

        kafka.resume();

        await().atMost(Duration.ofSeconds(90)).until(() -> pending() == 0);
        // The logout (A) and the logout-all (B) purged their own instance and Redis at once and recorded it against
        // their events in both ledgers: the shared group skips both, each instance's own group skips its own one.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(handled("shared", instances.a) + handled("shared", instances.b) - sharedBefore)
                    .isEqualTo(outageEvents.size() + 1.0 - 2);
            assertThat(handled("near", instances.a) - nearBeforeA).isEqualTo(outageEvents.size() + 1.0 - 1);
            assertThat(handled("near", instances.b) - nearBeforeB).isEqualTo(outageEvents.size() + 1.0 - 1);
        });
        ReactiveStringRedisTemplate redis = instances.a.getBean(ReactiveStringRedisTemplate.class);
        // Events that purge something are recorded; the others (session.started, token.rotated) need no ledger.
        for (UUID event : revocationsSince(outageStart)) {
            assertThat(redis.hasKey("lk:evt:auth-cache:" + event).block()).as("shared ledger has %s", event).isTrue();
        }
        assertThat(revocationsSince(outageStart)).hasSize(2);
        Thread.sleep(1000);
        assertThat(handled("near", instances.b) - nearBeforeB).as("no event handled twice")
                .isEqualTo(outageEvents.size() + 1.0 - 1);
    }

    @Test
    void givenKafkaDown_theOutboxAgeGrowsAndTheOutageIsLoggedOnceWithSummariesAndOnceWhenItEnds() throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(() -> pending() == 0);
        List<String> users = new ArrayList<>();
        List<String> emails = new ArrayList<>();
        List<String> accessTokens = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String email = "outage-log-" + UUID.randomUUID() + "@example.com";
            emails.add(email);
            assertThat(instances.post(instances.a, "/api/v1/accounts", credentials(email), null).statusCode()).isEqualTo(202);
            String access = tokens(instances.post(instances.b, "/api/v1/auth/login", credentials(email), null).body())
                    .get("access");
            accessTokens.add(access);
            users.add(com.nimbusds.jwt.SignedJWT.parse(access).getJWTClaimsSet().getSubject());
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> pending() == 0);
        await().atMost(Duration.ofSeconds(10)).until(() -> oldestAge(instances.a) == 0 && oldestAge(instances.b) == 0);

        CapturedLog captured = new CapturedLog();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        captured.start();
        root.addAppender(captured);
        try {
            kafka.stop();
            // Every login and logout is an event that fails to publish: each used to cost an ERROR line with the user id.
            for (int round = 0; round < 4; round++) {
                for (String email : emails) {
                    assertThat(instances.post(round % 2 == 0 ? instances.a : instances.b, "/api/v1/auth/login",
                            credentials(email), null).statusCode()).isEqualTo(200);
                }
            }
            for (String access : accessTokens) {
                assertThat(instances.post(instances.a, "/api/v1/auth/logout-all", "", access).statusCode()).isEqualTo(204);
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> oldestAge(instances.a) > 0 && oldestAge(instances.b) > 0);
            double first = oldestAge(instances.a);
            Thread.sleep(3_000);
            double later = oldestAge(instances.a);
            assertThat(later).as("the age grows with the outage, scrape after scrape").isGreaterThanOrEqualTo(first + 2.0);
            assertThat(oldestAge(instances.b)).as("the same on the other instance").isGreaterThan(first);
            // Long enough for several summary periods.
            Thread.sleep(SUMMARY_INTERVAL.multipliedBy(3).toMillis());

            kafka.resume();
            await().atMost(Duration.ofSeconds(90)).until(() -> pending() == 0);
            await().atMost(Duration.ofSeconds(15)).until(() -> oldestAge(instances.a) == 0 && oldestAge(instances.b) == 0);
            await().atMost(Duration.ofSeconds(30)).until(() -> lines(captured, "Event stream back:").size()
                    == lines(captured, "Event stream publishing failing:").size());

            Duration outage = Duration.between(first(captured, "Event stream publishing failing:"), last(captured, "Event stream back:"));
            List<String> starts = lines(captured, "Event stream publishing failing:");
            List<String> summaries = lines(captured, "Event stream publishing still failing");
            assertThat(starts).as("one line per instance when the outage starts").hasSizeBetween(1, 2);
            assertThat(summaries).as("a summary per instance and period, no more").isNotEmpty()
                    .hasSizeLessThanOrEqualTo(2 * (int) (outage.toMillis() / SUMMARY_INTERVAL.toMillis() + 2))
                    .allSatisfy(line -> assertThat(line).containsPattern("\\d+ event\\(s\\) pending, the oldest waiting"));
            assertThat(lines(captured, "Event stream back:")).hasSameSizeAs(starts)
                    .allSatisfy(line -> assertThat(line).containsPattern("publishing failed for \\S+;.* delivered"));
            List<String> everything = captured.events.stream()
                    .filter(e -> e.getLevel().isGreaterOrEqual(Level.INFO))
                    .map(e -> e.getLoggerName() + " " + e.getFormattedMessage()).toList();
            assertThat(captured.events.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                    .filter(e -> e.getLoggerName().startsWith("org.apache.kafka")
                            || e.getLoggerName().startsWith("org.springframework.kafka")
                            || e.getLoggerName().startsWith("io.latchkey"))
                    .filter(e -> !e.getLoggerName().endsWith("EventStreamOutageLog"))
                    .map(e -> e.getLoggerName() + " " + e.getFormattedMessage()).toList())
                    .as("no other warnings: neither per failed send nor per reconnect attempt").isEmpty();
            for (String user : users) {
                assertThat(everything).as("no line names a user").noneMatch(line -> line.contains(user));
            }
            for (String email : emails) {
                assertThat(everything).as("no line names an address").noneMatch(line -> line.contains(email));
            }
            assertThat(everything).as("no line per failed send")
                    .noneMatch(line -> line.contains("Exception thrown when sending"))
                    .noneMatch(line -> line.contains("publishing") && line.contains("failed, will retry"));
        } finally {
            root.detachAppender(captured);
        }
    }

    private static double oldestAge(ConfigurableApplicationContext instance) {
        return instances.getBody(instance, "/actuator/prometheus").lines()
                .filter(line -> line.startsWith("latchkey_outbox_oldest_age_seconds"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow();
    }

    /** Every log event of the JVM while attached; read while the instances keep logging. */
    private static final class CapturedLog extends AppenderBase<ILoggingEvent> {
        final Queue<ILoggingEvent> events = new ConcurrentLinkedQueue<>();

        @Override
        protected void append(ILoggingEvent event) {
            events.add(event);
        }
    }

    private static List<String> lines(CapturedLog captured, String start) {
        return captured.events.stream().map(ILoggingEvent::getFormattedMessage).filter(m -> m.startsWith(start)).toList();
    }

    private static Instant first(CapturedLog captured, String start) {
        return captured.events.stream().filter(e -> e.getFormattedMessage().startsWith(start))
                .map(ILoggingEvent::getInstant).min(java.util.Comparator.naturalOrder()).orElseThrow();
    }

    private static Instant last(CapturedLog captured, String start) {
        return captured.events.stream().filter(e -> e.getFormattedMessage().startsWith(start))
                .map(ILoggingEvent::getInstant).max(java.util.Comparator.naturalOrder()).orElseThrow();
    }

    /** Waits until the consumers have handled everything published so far (the registration's events). */
    private void awaitConsumersCaughtUp() {
        await().atMost(Duration.ofSeconds(60)).until(() -> pending() == 0);
        await().atMost(Duration.ofSeconds(60)).until(() -> handled("near", instances.a) >= 1 && handled("near", instances.b) >= 1
                && handled("shared", instances.a) + handled("shared", instances.b) >= 1);
    }

    private static double handled(String group, ConfigurableApplicationContext instance) {
        var counter = instance.getBean(MeterRegistry.class).find("latchkey.events.handled").tag("group", group).counter();
        return counter == null ? 0 : counter.count();
    }

    private Map<String, String> tokens(String body) {
        var node = json.readTree(body);
        return Map.of("access", node.get("access_token").asString(), "refresh", node.get("refresh_token").asString());
    }

    private static String credentials(String email) {
        return "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}";
    }

    private static Connection jdbc() throws Exception {
        return DriverManager.getConnection(database.get("spring.flyway.url"), database.get("spring.flyway.user"),
                database.get("spring.flyway.password"));
    }

    private static long pending() throws Exception {
        try (Connection c = jdbc(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT count(*) FROM outbox WHERE published_at IS NULL")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<UUID> eventsSince(Instant start) throws Exception {
        return eventsSince(start, "%");
    }

    private static List<UUID> revocationsSince(Instant start) throws Exception {
        return eventsSince(start, "io.latchkey.session.revoked");
    }

    private static List<UUID> eventsSince(Instant start, String typePattern) throws Exception {
        try (Connection c = jdbc(); var q = c.prepareStatement(
                "SELECT id FROM outbox WHERE created_at >= ? AND event_type LIKE ? ORDER BY created_at")) {
            q.setTimestamp(1, Timestamp.from(start));
            q.setString(2, typePattern);
            List<UUID> ids = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    ids.add(UUID.fromString(rs.getString(1)));
                }
            }
            return ids;
        }
    }
}
