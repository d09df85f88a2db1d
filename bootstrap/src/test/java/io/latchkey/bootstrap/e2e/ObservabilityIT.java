package io.latchkey.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** Health groups, the metrics DESIGN.md names, request ids, and no secret in the logs of a full flow. */
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityIT extends IntegrationTest {

    @Test
    void givenAFullFlow_metricsCountItAndTheLogsHoldNoSecret(CapturedOutput output) {
        String email = uniqueEmail();
        register(email);
        Map<String, Object> tokens = login(email);
        String access = (String) tokens.get("access_token");
        String refresh = (String) tokens.get("refresh_token");
        me(access).expectStatus().isOk().expectHeader().exists("X-Request-Id");
        Map<String, Object> rotated = refresh(refresh);
        http.post().uri("/api/v1/auth/refresh").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("refresh_token", "not-a-token")).exchange().expectStatus().isUnauthorized();
        http.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", "wrong password!")).exchange().expectStatus().isUnauthorized();
        http.post().uri("/api/v1/auth/logout").header(HttpHeaders.AUTHORIZATION, "Bearer " + rotated.get("access_token"))
                .exchange().expectStatus().isNoContent();

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(prometheus())
                .contains("latchkey_logins_total{application=\"latchkey\",outcome=\"success\"}")
                .contains("latchkey_logins_total{application=\"latchkey\",outcome=\"invalid_credentials\"}")
                .contains("latchkey_refreshes_total{application=\"latchkey\",outcome=\"success\"}")
                .contains("latchkey_refreshes_total{application=\"latchkey\",outcome=\"refresh_token_invalid\"}")
                .contains("latchkey_auth_cache_lookups_total{application=\"latchkey\",layer=\"near\",result=\"miss\"}")
                .contains("latchkey_auth_cache_lookups_total{application=\"latchkey\",layer=\"redis\",result=\"hit\"}")
                .contains("latchkey_outbox_pending")
                .contains("latchkey_outbox_oldest_age_seconds")
                .contains("latchkey_events_handled_total")
                .contains("latchkey_revocation_propagation_seconds"));

        String logs = output.getAll();
        for (String secret : new String[] {PASSWORD, "wrong password!", access, refresh, (String) rotated.get("access_token"),
                (String) rotated.get("refresh_token"), access.substring(access.lastIndexOf('.') + 1)}) {
            assertThat(logs).as("logs must not contain a secret").doesNotContain(secret);
        }
    }

    @Test
    void givenRefreshTokenReuse_theWarningCarriesTheRequestId(CapturedOutput output) throws Exception {
        Map<String, Object> first = login(registeredEmail());
        refresh((String) first.get("refresh_token"));
        ageRotation(sessionIdOf((String) first.get("access_token")), Duration.ofSeconds(11));
        http.post().uri("/api/v1/auth/refresh").header("X-Request-Id", "reuse-probe-42").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("refresh_token", first.get("refresh_token"))).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals("X-Request-Id", "reuse-probe-42");
        assertThat(output.getAll().lines().filter(line -> line.contains("refresh token reuse detected")))
                .singleElement().satisfies(line -> assertThat(line).contains("[reuse-probe-42]").contains("WARN"));
    }

    private String registeredEmail() {
        String email = uniqueEmail();
        register(email);
        return email;
    }

    @Test
    void givenHealthGroups_livenessAndReadinessAreUpAndKafkaIsReported() {
        http.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("UP");
        http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("UP");
    }

    /** Without a management port actuator answers on the public API port: the default shows no components there. */
    @Test
    void givenNoManagementPort_healthOnTheApiPortShowsTheStatusOnly() {
        http.get().uri("/actuator/health").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components").doesNotExist();
    }

    @Test
    void givenACallerRequestId_itIsEchoedAndAGarbageOneReplaced() {
        http.get().uri("/.well-known/jwks.json").header("X-Request-Id", "abc-123").exchange()
                .expectHeader().valueEquals("X-Request-Id", "abc-123");
        http.get().uri("/.well-known/jwks.json").header("X-Request-Id", "<script>").exchange()
                .expectHeader().value("X-Request-Id", id -> assertThat(id).matches("[0-9a-f-]{36}"));
    }

    private String prometheus() {
        return prometheusScrape();
    }
}
