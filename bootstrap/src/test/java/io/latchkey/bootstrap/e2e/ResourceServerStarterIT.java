package io.latchkey.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.billing.SampleServiceApplication;
import io.latchkey.testsupport.TestInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Latchkey and the sample downstream service (examples/sample-service, which only adds the resource-server starter)
 * side by side on the same real Kafka: every way Latchkey ends a session makes the sample refuse the old token, a
 * sample started afterwards still refuses it, bad records change nothing, and a relay whose heartbeats stop sends the
 * sample to its fallback and back. Latchkey runs on a fixed port here so its issuer URL is where its discovery
 * document really is, as in production.
 */
class ResourceServerStarterIT extends IntegrationTest {

    private static final int LATCHKEY_PORT = freePort();
    private static final String ISSUER = "http://localhost:" + LATCHKEY_PORT;
    private static final String TOPIC = "latchkey.auth-events.v1";
    private static final Duration STALE_AFTER = Duration.ofMillis(1500);
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    /** Falls back to introspection; started once, shared by the tests. */
    private static ConfigurableApplicationContext introspecting;
    private static final List<ConfigurableApplicationContext> started = new ArrayList<>();

    @Autowired
    private ApplicationContext latchkey;

    @DynamicPropertySource
    static void fixedIssuer(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> LATCHKEY_PORT);
        registry.add("latchkey.token.issuer", () -> ISSUER);
        registry.add("latchkey.events.heartbeat-interval", () -> "300ms");
    }

    @AfterAll
    static void stopSamples() {
        started.forEach(ConfigurableApplicationContext::close);
        started.clear();
        introspecting = null;
    }

    @Test
    void givenEveryWayASessionEnds_theSampleRefusesTheOldTokenWith401() throws Exception {
        ConfigurableApplicationContext sample = introspectingSample();
        // Decided from the stream, not from introspection: trusted throughout, and the entries come from the events.
        assertThat(gauge(sample, "latchkey.resource-server.stream.trusted")).isEqualTo(1.0);
        double entriesBefore = gauge(sample, "latchkey.resource-server.revocations.entries");

        // logout
        String email = registered();
        String token = accessTokenFor(email);
        assertThat(sampleStatus(sample, token)).isEqualTo(200);
        http.post().uri("/api/v1/auth/logout").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
                .expectStatus().isNoContent();
        awaitStatus(sample, token, 401);

        // logout-all: every session, through the account epoch
        String other = accessTokenFor(email);
        String caller = accessTokenFor(email);
        http.post().uri("/api/v1/auth/logout-all").header(HttpHeaders.AUTHORIZATION, "Bearer " + caller).exchange()
                .expectStatus().isNoContent();
        awaitStatus(sample, other, 401);
        awaitStatus(sample, caller, 401);
        assertThat(sampleStatus(sample, accessTokenFor(email))).as("a token issued afterwards").isEqualTo(200);

        // password change: the other sessions end, the caller's stays
        String elsewhere = accessTokenFor(email);
        String changer = accessTokenFor(email);
        http.post().uri("/api/v1/me/password").header(HttpHeaders.AUTHORIZATION, "Bearer " + changer)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("current_password", PASSWORD, "new_password", "another long passphrase 42"))
                .exchange().expectStatus().is2xxSuccessful();
        awaitStatus(sample, elsewhere, 401);
        assertThat(sampleStatus(sample, changer)).isEqualTo(200);

        // disabled by an administrator
        String disabledEmail = registered();
        String disabledToken = accessTokenFor(disabledEmail);
        http.post().uri("/api/v1/admin/users/{id}/disable", userId(disabledEmail))
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken()).exchange().expectStatus().isNoContent();
        awaitStatus(sample, disabledToken, 401);

        // deleted by its owner
        String deletedEmail = registered();
        String deletedToken = accessTokenFor(deletedEmail);
        http.method(org.springframework.http.HttpMethod.DELETE).uri("/api/v1/me")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + deletedToken).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("password", PASSWORD)).exchange().expectStatus().is2xxSuccessful();
        awaitStatus(sample, deletedToken, 401);
        assertThat(gauge(sample, "latchkey.resource-server.stream.trusted")).isEqualTo(1.0);
        assertThat(gauge(sample, "latchkey.resource-server.revocations.entries")).isGreaterThan(entriesBefore);
    }

    @Test
    void givenRevocationsBeforeItStarted_aNewSampleRefusesThoseTokens_andIsReadyOnlyOnceCaughtUp() throws Exception {
        ConfigurableApplicationContext running = introspectingSample();
        String email = registered();
        String revoked = accessTokenFor(email);
        http.post().uri("/api/v1/auth/logout").header(HttpHeaders.AUTHORIZATION, "Bearer " + revoked).exchange()
                .expectStatus().isNoContent();
        awaitStatus(running, revoked, 401);

        ConfigurableApplicationContext fresh = startSample("unavailable");

        assertThat(get(fresh, "/actuator/health/readiness", null).statusCode()).isEqualTo(200);
        assertThat(sampleStatus(fresh, revoked)).isEqualTo(401);
        assertThat(sampleStatus(fresh, accessTokenFor(email))).isEqualTo(200);
    }

    @Test
    void givenDuplicatedOutOfOrderAndUnreadableRecords_decisionsStayRight() throws Exception {
        ConfigurableApplicationContext sample = introspectingSample();
        String email = registered();
        String user = userId(email);
        String kept = accessTokenFor(email);
        String victim = accessTokenFor(email);
        String victimSession = sessionIdOf(victim);
        double unreadableBefore = gauge(sample, "latchkey.resource-server.records.unreadable");

        Instant now = Instant.now();
        String logout = revokedEvent(user, List.of(victimSession), "logout", now, null);
        TopicReader.write(TOPIC, user, "not json at all");
        // Unreadable but not typed as a revocation (an unreadable session.revoked would make every sample reading this
        // topic fall back for the whole read-back window: RevocationStreamTest covers that).
        TopicReader.write(TOPIC, user, "{\"user_id\":\"" + user + "\"}");
        TopicReader.write(TOPIC, user, "{\"type\":\"io.latchkey.user.passkey_added\",\"user_id\":\"" + user
                + "\",\"occurred_at\":\"" + now + "\"}");
        TopicReader.write(TOPIC, user, logout);
        TopicReader.write(TOPIC, user, logout);
        // An epoch below the account's current one arriving late must not deny the current tokens.
        TopicReader.write(TOPIC, user, revokedEvent(user, List.of(), "logout_all", now.minusSeconds(60), 0L));

        awaitStatus(sample, victim, 401);
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> gauge(sample, "latchkey.resource-server.records.unreadable") >= unreadableBefore + 2);
        assertThat(sampleStatus(sample, kept)).isEqualTo(200);
        assertThat(gauge(sample, "latchkey.resource-server.stream.trusted")).isEqualTo(1.0);
    }

    @Test
    void givenTheRelayStalls_theSampleFallsBack_andReturnsWhenHeartbeatsResume() throws Exception {
        ConfigurableApplicationContext introspection = introspectingSample();
        ConfigurableApplicationContext unavailable = startSample("unavailable");
        String email = registered();
        String token = accessTokenFor(email);
        String revokedLater = accessTokenFor(email);
        SmartLifecycle heartbeats = latchkey.getBean("relayHeartbeatLoop", SmartLifecycle.class);

        heartbeats.stop();
        try {
            awaitStatus(unavailable, token, 503);
            HttpResponse<String> refused = get(unavailable, "/whoami", token);
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            assertThat(refused.body()).contains("revocation-state-unavailable");
            Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                    .until(() -> gauge(introspection, "latchkey.resource-server.stream.trusted") == 0.0);
            assertThat(sampleStatus(introspection, token)).as("introspection says active").isEqualTo(200);
            // Revoked while the stream is distrusted: introspection (or the event, if it arrived) refuses it.
            http.post().uri("/api/v1/auth/logout").header(HttpHeaders.AUTHORIZATION, "Bearer " + revokedLater)
                    .exchange().expectStatus().isNoContent();
            awaitStatus(introspection, revokedLater, 401);
        } finally {
            heartbeats.start();
        }
        awaitStatus(unavailable, token, 200);
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> gauge(introspection, "latchkey.resource-server.stream.trusted") == 1.0);
        assertThat(sampleStatus(unavailable, revokedLater)).isEqualTo(401);
    }

    @Test
    void givenARevocationStorm_entriesExpireAndTheCountFallsBack() throws Exception {
        ConfigurableApplicationContext sample = introspectingSample();
        double before = gauge(sample, "latchkey.resource-server.revocations.entries");
        Instant now = Instant.now();
        List<String> storm = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            storm.add(revokedEvent(UUID.randomUUID().toString(), List.of(UUID.randomUUID().toString()), "logout", now,
                    null).replaceFirst("\"access_tokens_valid_until\":\"[^\"]+\"",
                    "\"access_tokens_valid_until\":\"" + now.minusSeconds(52) + "\""));
        }
        TopicReader.writeAll(TOPIC, storm);

        // Valid until now-52 s plus the 60 s skew: held about 8 s, then forgotten.
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                .until(() -> gauge(sample, "latchkey.resource-server.revocations.entries") >= before + 1_000);
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> gauge(sample, "latchkey.resource-server.revocations.entries") <= before);
    }

    @Test
    void givenRelayHeartbeats_latchkeysOwnConsumersSkipThem() {
        List<ConsumerRecord<String, String>> heartbeats = TopicReader.read(TOPIC,
                r -> "io.latchkey.relay.heartbeat".equals(TopicReader.header(r, "ce_type")), 3, Duration.ofSeconds(10));
        assertThat(heartbeats).hasSizeGreaterThanOrEqualTo(3);
        assertThat(TopicReader.read(TOPIC + ".dlt", r -> r.value() != null && r.value().contains("relay.heartbeat"),
                1, Duration.ofSeconds(3))).as("no heartbeat dead-lettered").isEmpty();
    }

    /**
     * Time from Latchkey's 204 for a logout to the sample's first 401 for that token, over 200 revocations. Not an
     * assertion: the figures go to bench/RESULTS.md. Run with -Dlatchkey.bench.revocations=true.
     */
    @Test
    @EnabledIfSystemProperty(named = "latchkey.bench.revocations", matches = "true")
    void benchRevocationPropagationToTheSample() throws Exception {
        ConfigurableApplicationContext sample = introspectingSample();
        String email = registered();
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < 220; i++) {
            String token = accessTokenFor(email);
            assertThat(sampleStatus(sample, token)).isEqualTo(200);
            http.post().uri("/api/v1/auth/logout").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
                    .expectStatus().isNoContent();
            long acknowledged = System.nanoTime();
            while (sampleStatus(sample, token) != 401) {
                assertThat(System.nanoTime() - acknowledged).isLessThan(Duration.ofSeconds(10).toNanos());
            }
            if (i >= 20) {   // the first 20 warm up the JIT and connections
                micros.add((System.nanoTime() - acknowledged) / 1_000);
            }
        }
        micros.sort(Long::compare);
        System.out.printf("REVOCATION-BENCH n=%d p50=%.1fms p99=%.1fms max=%.1fms%n", micros.size(),
                micros.get(micros.size() / 2) / 1000.0, micros.get((int) Math.ceil(micros.size() * 0.99) - 1) / 1000.0,
                micros.getLast() / 1000.0);
    }

    private String registered() {
        String email = uniqueEmail();
        register(email);
        return email;
    }

    private String adminToken() {
        return (String) Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> http.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("email", ADMIN_EMAIL, "password", ADMIN_PASSWORD)).exchange()
                        .expectBody(Map.class).returnResult(), r -> r.getStatus().value() == 200)
                .getResponseBody().get("access_token");
    }

    private static String revokedEvent(String user, List<String> sessions, String reason, Instant at,
            Long accountEpoch) {
        StringBuilder ids = new StringBuilder();
        sessions.forEach(s -> ids.append(ids.isEmpty() ? "" : ",").append('"').append(s).append('"'));
        return "{\"event_id\":\"" + UUID.randomUUID() + "\",\"type\":\"io.latchkey.session.revoked\",\"schema_version\":1,"
                + "\"user_id\":\"" + user + "\",\"occurred_at\":\"" + at + "\",\"session_ids\":[" + ids + "],"
                + "\"reason\":\"" + reason + "\",\"access_tokens_valid_until\":\"" + at.plus(Duration.ofMinutes(15)) + "\""
                + (accountEpoch == null ? "" : ",\"account_epoch\":" + accountEpoch) + "}";
    }

    private static synchronized ConfigurableApplicationContext introspectingSample() {
        if (introspecting == null) {
            introspecting = startSample("introspection");
        }
        return introspecting;
    }

    /** The sample service with its two properties, plus the fallback under test; returns once it is ready. */
    private static ConfigurableApplicationContext startSample(String fallback) {
        Map<String, String> properties = new LinkedHashMap<>(TestInfrastructure.shared().properties());
        properties.put("spring.config.name", "sample-service-it");   // not Latchkey's application.yaml
        properties.put("server.port", "0");
        properties.put("latchkey.resource-server.issuer", ISSUER);
        properties.put("latchkey.resource-server.events.bootstrap-servers",
                TestInfrastructure.shared().kafkaBootstrapServers());
        properties.put("latchkey.resource-server.events.stale-after", STALE_AFTER.toMillis() + "ms");
        properties.put("latchkey.resource-server.fallback.mode", fallback);
        properties.put("latchkey.resource-server.fallback.client-id", INTROSPECTION_CLIENT);
        properties.put("latchkey.resource-server.fallback.client-secret", INTROSPECTION_SECRET);
        properties.put("latchkey.resource-server.fallback.cache-ttl", "200ms");
        properties.put("management.endpoint.health.probes.enabled", "true");
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(SampleServiceApplication.class).run(args);
        started.add(context);
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).ignoreExceptions()
                .until(() -> get(context, "/actuator/health/readiness", null).statusCode() == 200);
        return context;
    }

    private static void awaitStatus(ConfigurableApplicationContext sample, String token, int status) {
        Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(20))
                .until(() -> sampleStatus(sample, token) == status);
    }

    private static int sampleStatus(ConfigurableApplicationContext sample, String token) throws Exception {
        return get(sample, "/whoami", token).statusCode();
    }

    private static HttpResponse<String> get(ConfigurableApplicationContext sample, String path, String token)
            throws IOException, InterruptedException {
        String port = sample.getEnvironment().getProperty("local.server.port");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static double gauge(ConfigurableApplicationContext sample, String name) {
        return sample.getBean(MeterRegistry.class).find(name).gauges().stream().mapToDouble(g -> g.value()).sum();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
