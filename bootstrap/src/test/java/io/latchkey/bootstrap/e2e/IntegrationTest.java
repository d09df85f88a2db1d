package io.latchkey.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.latchkey.adapters.web.security.IntrospectionClients;
import io.latchkey.testsupport.MailTestServer;
import io.latchkey.testsupport.OidcTestServer;
import io.latchkey.testsupport.ReceivedMail;
import io.latchkey.testsupport.TestInfrastructure;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The whole application on a random port against real PostgreSQL, Redis and Kafka; one context shared by
 * every subclass. Tests use fresh emails, so they never depend on each other's data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// In @TestPropertySource rather than @SpringBootTest, so a subclass's @TestPropertySource can override single keys.
@TestPropertySource(properties = {
        "latchkey.token.signing.allow-ephemeral=true",
        // Every test comes from 127.0.0.1: per-IP limits would couple them. Tests of the limits pick their own
        // client address with X-Forwarded-For, as if behind one proxy.
        "latchkey.client-address.trusted-proxies=1",
        "latchkey.rate-limits.limits.login-per-ip=100000/1m",
        "latchkey.rate-limits.limits.register-per-ip=100000/1m",
        "latchkey.rate-limits.limits.register-per-account=1000/1m",
        "latchkey.rate-limits.limits.verify-per-ip=100000/1m",
        "latchkey.rate-limits.limits.verify-per-account=1000/1m",
        "latchkey.rate-limits.limits.resend-per-ip=100000/1m",
        "latchkey.rate-limits.limits.reset-per-ip=100000/1m",
        "latchkey.rate-limits.limits.reset-confirm-per-ip=100000/1m",
        "latchkey.rate-limits.limits.login-per-account=1000/1m",
        "latchkey.rate-limits.limits.refresh-failures-per-ip=100000/1m",
        // Concurrency tests send bursts of logins that must all reach the password check; PasswordCheckAdmissionIT
        // tests the shedding with a low limit.
        "latchkey.password.max-concurrent-checks=1000",
        "logging.level.com.icegreen.greenmail=WARN",
        // Tracing is off by default; on here, so TracePropagationIT can follow a trace (nothing is exported).
        "management.opentelemetry.enabled=true",
        "latchkey.admin.email=" + IntegrationTest.ADMIN_EMAIL,
        "latchkey.admin.password=" + IntegrationTest.ADMIN_PASSWORD,
        // The administrators' console (AdminConsoleIT); on in the shared context so it costs no context of its own.
        "latchkey.console.enabled=true"})
@AutoConfigureWebTestClient
public abstract class IntegrationTest {

    protected static final String PASSWORD = "correct horse battery staple";
    protected static final String INTROSPECTION_CLIENT = "billing";
    protected static final String INTROSPECTION_SECRET = "billing-service-secret-0123456789abcdef";
    protected static final String ADMIN_EMAIL = "admin@latchkey.test";
    protected static final String ADMIN_PASSWORD = "first administrator secret";
    /** The app redirect URI registered for the test identity providers. */
    protected static final String APP_REDIRECT = "https://app.example/signed-in";
    protected static final String NATIVE_CLIENT_ID = "latchkey-test-ios";

    @Autowired
    protected WebTestClient http;

    @Autowired
    private ReactiveRedisConnectionFactory redisConnections;

    /**
     * A test class that stopped the shared Redis leaves this shared context's client reconnecting with back-off;
     * the next test starts only once that client answers again, so it does not see the previous class's outage.
     */
    @BeforeEach
    void sharedRedisAnswers() {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .until(() -> "PONG".equals(redisConnections.getReactiveConnection().ping().block(Duration.ofSeconds(1))));
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.shared().registerProperties(registry);
        registry.add("latchkey.introspection.clients." + INTROSPECTION_CLIENT,
                () -> IntrospectionClients.hashOf(INTROSPECTION_SECRET));
        OidcTestServer oidc = TestInfrastructure.shared().oidc();
        oidc.providerProperties("google", OidcTestServer.GOOGLE_LIKE, APP_REDIRECT).forEach((k, v) -> registry.add(k, () -> v));
        oidc.providerProperties("kakao", OidcTestServer.KAKAO_LIKE, APP_REDIRECT).forEach((k, v) -> registry.add(k, () -> v));
        oidc.providerProperties("google-autolink", OidcTestServer.GOOGLE_LIKE, APP_REDIRECT)
                .forEach((k, v) -> registry.add(k, () -> v));
        registry.add("latchkey.federation.providers.google-autolink.auto-link-verified-email", () -> "true");
        registry.add("latchkey.federation.providers.google.native-client-ids[0]", () -> NATIVE_CLIENT_ID);
        GithubStandIn.shared().providerProperties("github", APP_REDIRECT).forEach((k, v) -> registry.add(k, () -> v));
        // A provider nobody answers for: its sign-ins must fail with 503 and leave nothing behind.
        String down = OidcTestServer.unreachableIssuer();
        registry.add("latchkey.federation.providers.down.issuer", () -> down);
        registry.add("latchkey.federation.providers.down.client-id", () -> "nobody");
        registry.add("latchkey.federation.providers.down.redirect-uris[0]", () -> APP_REDIRECT);
    }

    protected static String uniqueEmail() {
        return "user-" + UUID.randomUUID() + "@example.com";
    }

    protected static Connection jdbc() throws SQLException {
        TestInfrastructure infra = TestInfrastructure.shared();
        return DriverManager.getConnection(infra.jdbcUrl(), infra.databaseUser(), infra.databasePassword());
    }

    protected void register(String email) {
        http.post().uri("/api/v1/accounts").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", PASSWORD))
                .exchange().expectStatus().isAccepted();
    }

    /** Registers {@code email} and confirms the address with the code mailed to it. */
    protected void registerVerified(String email) {
        register(email);
        http.post().uri("/api/v1/accounts/email-verification/confirm").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "code", verificationCode(email))).exchange().expectStatus().isNoContent();
    }

    /** The SMTP server the application mails to. */
    protected static MailTestServer mail() {
        return TestInfrastructure.shared().mail();
    }

    /** The newest mail to {@code email} whose subject starts with {@code subjectPrefix}, waiting for it. */
    protected static ReceivedMail awaitMail(String email, String subjectPrefix) {
        return mail().await(m -> m.recipients().contains(email) && m.subject().startsWith(subjectPrefix),
                Duration.ofSeconds(10));
    }

    /** The 6-digit code in the newest verification mail to {@code email}. */
    protected static String verificationCode(String email) {
        List<ReceivedMail> mails = mail().to(email).stream()
                .filter(m -> m.subject().startsWith(VERIFICATION_SUBJECT)).toList();
        ReceivedMail newest = mails.isEmpty() ? awaitMail(email, VERIFICATION_SUBJECT) : mails.get(mails.size() - 1);
        Matcher digits = Pattern.compile("\\b(\\d{6})\\b").matcher(newest.body());
        assertThat(digits.find()).as("a code in %s", newest.body()).isTrue();
        return digits.group(1);
    }

    protected static final String VERIFICATION_SUBJECT = "Your verification code";

    @SuppressWarnings("unchecked")
    protected Map<String, Object> login(String email) {
        return http.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", PASSWORD))
                .exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    protected Map<String, Object> refresh(String refreshToken) {
        return http.post().uri("/api/v1/auth/refresh").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("refresh_token", refreshToken))
                .exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    /** The Prometheus scrape: larger than a client's default 256 KiB buffer once every endpoint has been called. */
    protected String prometheusScrape() {
        return http.mutate().codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024)).build()
                .get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    protected WebTestClient.ResponseSpec me(String accessToken) {
        return http.get().uri("/api/v1/me").header("Authorization", "Bearer " + accessToken).exchange();
    }

    protected String accessTokenFor(String email) {
        return (String) login(email).get("access_token");
    }

    protected static String sessionIdOf(String accessToken) throws Exception {
        return com.nimbusds.jwt.SignedJWT.parse(accessToken).getJWTClaimsSet().getStringClaim("sid");
    }

    /** Moves a session's last rotation into the past, as if the grace window had elapsed. */
    protected static void ageRotation(String sessionId, Duration by) throws Exception {
        try (Connection c = jdbc(); PreparedStatement u = c.prepareStatement(
                "UPDATE sessions SET rotated_at = rotated_at - make_interval(secs => ?) WHERE id = ?::uuid")) {
            u.setLong(1, by.toSeconds());
            u.setString(2, sessionId);
            if (u.executeUpdate() != 1) {
                throw new IllegalStateException("no such session " + sessionId);
            }
        }
    }

    /** Runs {@code call} n times at once, released together; the answers in order. */
    protected static List<Integer> concurrently(int n, IntSupplier call) throws Exception {
        var pool = Executors.newFixedThreadPool(n);
        try {
            var start = new CountDownLatch(1);
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.getAsInt();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (var future : futures) {
                statuses.add(future.get(60, TimeUnit.SECONDS));
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    protected static String userId(String email) throws Exception {
        try (Connection c = jdbc(); PreparedStatement q = c.prepareStatement("SELECT id FROM users WHERE email = ?")) {
            q.setString(1, email);
            try (ResultSet rs = q.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        }
    }

    /** The CloudEvents types the outbox holds for the account, oldest first. */
    protected static List<String> eventTypesOfUser(String userId) throws Exception {
        try (Connection c = jdbc(); PreparedStatement q = c.prepareStatement(
                "SELECT event_type FROM outbox WHERE aggregate_id = ?::uuid ORDER BY occurred_at")) {
            q.setString(1, userId);
            List<String> types = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    types.add(rs.getString(1));
                }
            }
            return types;
        }
    }

    /** A {@code SELECT count(*)} with one string parameter. */
    protected static long count(String sql, String parameter) throws Exception {
        try (Connection c = jdbc(); PreparedStatement q = c.prepareStatement(sql)) {
            q.setString(1, parameter);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
