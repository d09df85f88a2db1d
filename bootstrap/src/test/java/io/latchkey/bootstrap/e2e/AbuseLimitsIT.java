package io.latchkey.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.latchkey.testsupport.TestInfrastructure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

/**
 * Per-IP and per-account limits at realistic sizes (a context of their own), the growing lockout, and the
 * stricter per-instance limiter that takes over while Redis is down.
 */
@TestPropertySource(properties = {
        "latchkey.rate-limits.limits.login-per-ip=4/1m",
        "latchkey.rate-limits.limits.login-per-account=1000/1m",
        "latchkey.rate-limits.fallback-divisor=2"})
class AbuseLimitsIT extends IntegrationTest {

    private int login(String ip, String email, String password) {
        return http.post().uri("/api/v1/auth/login").header("X-Forwarded-For", ip)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("email", email, "password", password))
                .exchange().returnResult(Void.class).getStatus().value();
    }

    @Test
    void givenTooManyLoginsFromOneIp_theNextIs429WithRetryAfter_andOtherIpsAreUnaffected() {
        String email = uniqueEmail();
        register(email);
        String ip = "198.51.100." + (System.nanoTime() % 200 + 1);
        for (int i = 0; i < 4; i++) {
            assertThat(login(ip, uniqueEmail(), PASSWORD)).isEqualTo(401);
        }
        http.post().uri("/api/v1/auth/login").header("X-Forwarded-For", ip).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", PASSWORD)).exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueMatches(HttpHeaders.RETRY_AFTER, "[1-9][0-9]?")
                .expectBody().jsonPath("$.type").isEqualTo("urn:problem:auth:too-many-requests");
        assertThat(login("203.0.113.7", email, PASSWORD)).isEqualTo(200);
    }

    @Test
    void givenFiveWrongPasswords_theAccountIsLocked_evenForTheRightPasswordFromAnotherIp() {
        String email = uniqueEmail();
        register(email);
        for (int i = 0; i < 5; i++) {
            assertThat(login("192.0.2." + (i + 10), email, "not the password")).isEqualTo(401);
        }
        http.post().uri("/api/v1/auth/login").header("X-Forwarded-For", "192.0.2.99")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("email", email, "password", PASSWORD))
                .exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().valueMatches(HttpHeaders.RETRY_AFTER, "(5[0-9]|60)")
                .expectBody().jsonPath("$.type").isEqualTo("urn:problem:auth:too-many-requests");
    }

    @Test
    void givenTwentyParallelWrongPasswords_onlyTheLockoutThresholdReachThePasswordCheck() throws Exception {
        String email = uniqueEmail();
        register(email);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String ip = "192.0.2." + (i + 120);
                futures.add(pool.submit(() -> {
                    start.await();
                    return login(ip, email, "not the password");
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> future : futures) {
                statuses.add(future.get(60, TimeUnit.SECONDS));
            }
            assertThat(statuses).filteredOn(status -> status == 401).hasSize(5);
            assertThat(statuses).filteredOn(status -> status == 429).hasSize(15);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void givenRedisDown_loginsAreStillLimited_byTheStricterPerInstanceLimiter() {
        TestInfrastructure infrastructure = TestInfrastructure.shared();
        Assumptions.assumeTrue(infrastructure.canStopRedis(), "needs the embedded Redis");
        String email = uniqueEmail();
        register(email);
        String ip = "198.51.100.250";
        infrastructure.stopRedis();
        try {
            // 4 per minute shared, divided by 2 per instance: the third attempt is refused.
            assertThat(login(ip, email, PASSWORD)).isEqualTo(200);
            assertThat(login(ip, email, PASSWORD)).isEqualTo(200);
            assertThat(login(ip, email, PASSWORD)).isEqualTo(429);
        } finally {
            infrastructure.startRedis();
        }
    }

    @Test
    void givenRedisDown_aVerificationCodeRequestIsQueued_andTheCodeIsIssuedAndMailedOnlyOnceRedisIsBack() throws Exception {
        TestInfrastructure infrastructure = TestInfrastructure.shared();
        Assumptions.assumeTrue(infrastructure.canStopRedis(), "needs the embedded Redis");
        String email = uniqueEmail();
        register(email);
        awaitMail(email, VERIFICATION_SUBJECT);
        infrastructure.stopRedis();
        try {
            http.post().uri("/api/v1/accounts/email-verification").header("X-Forwarded-For", "192.0.2.200")
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("email", email)).exchange()
                    .expectStatus().isAccepted();
            Thread.sleep(1_500);
            assertThat(mail().to(email)).as("no code can be issued while Redis is down").hasSize(1);
            assertThat(count("SELECT count(*) FROM mail_outbox WHERE recipient = ?", email))
                    .as("the request waits in the outbox").isEqualTo(1);
        } finally {
            infrastructure.startRedis();
        }
        mail().await(m -> m.recipients().contains(email) && mail().to(email).size() == 2, java.time.Duration.ofSeconds(15));
        String code = verificationCode(email);
        http.post().uri("/api/v1/accounts/email-verification/confirm").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "code", code)).exchange().expectStatus().isNoContent();
    }
}
