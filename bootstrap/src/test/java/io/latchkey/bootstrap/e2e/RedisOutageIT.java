package io.latchkey.bootstrap.e2e;

import static org.assertj.core.api.Assumptions.assumeThat;

import io.latchkey.testsupport.TestInfrastructure;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * With Redis down, authenticated requests fall back to PostgreSQL: live sessions still work, revoked ones are
 * still rejected, and login still works. Revocation never depends on the cache.
 */
class RedisOutageIT extends IntegrationTest {

    @Test
    void givenRedisDown_revokedSessionsAreStillRejectedAndLiveOnesStillServed() {
        TestInfrastructure infra = TestInfrastructure.shared();
        assumeThat(infra.canStopRedis()).as("needs the embedded Redis").isTrue();
        String email = uniqueEmail();
        register(email);
        Map<String, Object> kept = login(email);
        Map<String, Object> revoked = login(email);
        WebTestClient client = http.mutate().responseTimeout(Duration.ofSeconds(20)).build();

        infra.stopRedis();
        try {
            client.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + kept.get("access_token"))
                    .exchange().expectStatus().isOk();
            client.post().uri("/api/v1/auth/logout").header(HttpHeaders.AUTHORIZATION, "Bearer " + revoked.get("access_token"))
                    .exchange().expectStatus().isNoContent();
            client.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + revoked.get("access_token"))
                    .exchange().expectStatus().isUnauthorized();
            client.post().uri("/api/v1/auth/login").contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("email", email, "password", PASSWORD))
                    .exchange().expectStatus().isOk();
        } finally {
            infra.startRedis();
        }
        client.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + revoked.get("access_token"))
                .exchange().expectStatus().isUnauthorized();
        client.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + kept.get("access_token"))
                .exchange().expectStatus().isOk();
    }
}
