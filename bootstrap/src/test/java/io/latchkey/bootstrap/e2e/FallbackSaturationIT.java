package io.latchkey.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.latchkey.adapters.redis.NearAuthCache;
import io.latchkey.testsupport.TestInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Redis down and the PostgreSQL fallback full (one permit, held by a request stuck on a locked table): further
 * requests get 503 with Retry-After, never a 200; a token whose session this instance revoked is refused (401) from its
 * memory of revoked sessions, without needing the gate.
 */
class FallbackSaturationIT {

    private static final String PASSWORD = "correct horse battery staple";
    private static TwoInstances instances;
    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        instances = new TwoInstances(Map.of("latchkey.cache.fallback-max-concurrent", "1"));
    }

    @AfterAll
    static void stop() {
        instances.close();
    }

    @Test
    void givenRedisDownAndFallbackFull_requestsAre503NeverAccepted() throws Exception {
        TestInfrastructure infra = TestInfrastructure.shared();
        assumeThat(infra.canStopRedis()).as("needs the embedded Redis").isTrue();
        String email = "saturation-" + UUID.randomUUID() + "@example.com";
        instances.post(instances.a, "/api/v1/accounts", credentials(email), null);
        String live = accessToken(email);
        String revoked = accessToken(email);
        assertThat(instances.post(instances.a, "/api/v1/auth/logout", "", revoked).statusCode()).isEqualTo(204);

        infra.stopRedis();
        // The login wrote the session through to A's near tier too; without it every lookup needs the fallback.
        instances.a.getBean(NearAuthCache.class).evictAll().block();
        try (Connection db = DriverManager.getConnection(infra.jdbcUrl(), infra.databaseUser(), infra.databasePassword())) {
            db.setAutoCommit(false);
            db.createStatement().execute("LOCK TABLE sessions IN ACCESS EXCLUSIVE MODE");
            CompletableFuture<HttpResponse<String>> holder = me(live);
            Thread.sleep(1500);

            HttpResponse<String> saturated = me(live).get(10, TimeUnit.SECONDS);
            HttpResponse<String> revokedWhileSaturated = me(revoked).get(10, TimeUnit.SECONDS);
            assertThat(saturated.statusCode()).isEqualTo(503);
            assertThat(saturated.headers().firstValue("Retry-After")).isPresent();
            assertThat(saturated.body()).contains("urn:problem:auth:temporarily-unavailable");
            assertThat(revokedWhileSaturated.statusCode()).as("A remembers the session it revoked: no lookup needed")
                    .isEqualTo(401);
            assertThat(holder).isNotDone();

            db.rollback();
            assertThat(holder.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        } finally {
            infra.startRedis();
        }
        assertThat(me(revoked).get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(401);
    }

    private CompletableFuture<HttpResponse<String>> me(String token) {
        return http.sendAsync(HttpRequest.newBuilder(URI.create(TwoInstances.url(instances.a, "/api/v1/me")))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(20)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String accessToken(String email) {
        return json.readTree(instances.post(instances.a, "/api/v1/auth/login", credentials(email), null).body())
                .get("access_token").asString();
    }

    private static String credentials(String email) {
        return "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}";
    }
}
