package io.latchkey.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The credential endpoints' limits at their default sizes (a context of their own): failed refreshes per client
 * address, the per-address login limit counting failures only, the lockout per (address, known device) behind the
 * device cookie, and passwords too long to hash.
 */
@TestPropertySource(properties = {
        "latchkey.rate-limits.limits.login-per-ip=30/1m",
        "latchkey.rate-limits.limits.login-per-account=5/1m",
        "latchkey.rate-limits.limits.refresh-failures-per-ip=30/1m",
        // High, so that the per-address limit in Redis is what these tests measure, not the lockout.
        "latchkey.accounts.lockout-threshold=100"})
class CredentialLimitsIT extends IntegrationTest {

    private static String ip() {
        return "198.18." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250 + 1);
    }

    private WebTestClient.ResponseSpec login(String ip, String email, String password, String deviceCookie) {
        WebTestClient.RequestBodySpec request = http.post().uri("/api/v1/auth/login").header("X-Forwarded-For", ip)
                .contentType(MediaType.APPLICATION_JSON);
        if (deviceCookie != null) {
            request = request.cookie("lk_device", deviceCookie);
        }
        return request.bodyValue(Map.of("email", email, "password", password)).exchange();
    }

    private int loginStatus(String ip, String email, String password, String deviceCookie) {
        return login(ip, email, password, deviceCookie).returnResult(Void.class).getStatus().value();
    }

    private WebTestClient.ResponseSpec refreshFrom(String ip, String token) {
        return http.post().uri("/api/v1/auth/refresh").header("X-Forwarded-For", ip)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("refresh_token", token)).exchange();
    }

    @Test
    void givenSixtyRandomRefreshTokensFromOneAddress_after30TheAnswerIs429_butAGoodRefreshFromTheSameAddressWorks() {
        String email = uniqueEmail();
        register(email);
        String refreshToken = (String) login(email).get("refresh_token");
        String attacker = ip();
        int unauthorized = 0;
        int limited = 0;
        for (int i = 0; i < 60; i++) {
            int status = refreshFrom(attacker, UUID.randomUUID() + "-" + i).returnResult(Void.class).getStatus().value();
            if (status == 401) {
                assertThat(limited).as("no 401 after the first 429").isZero();
                unauthorized++;
            } else {
                assertThat(status).isEqualTo(429);
                limited++;
            }
        }
        assertThat(unauthorized).isEqualTo(30);
        assertThat(limited).isEqualTo(30);
        refreshFrom(attacker, "one-more").expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueMatches(HttpHeaders.RETRY_AFTER, "[1-9][0-9]?")
                .expectBody().jsonPath("$.type").isEqualTo("urn:problem:auth:too-many-requests");

        // Only unknown tokens are counted and refused: a client behind the same address refreshes as usual.
        refreshFrom(attacker, refreshToken).expectStatus().isOk().expectBody().jsonPath("$.access_token").exists();
    }

    @Test
    void givenParallelRandomRefreshTokensFromOneAddress_exactly30Get401() throws Exception {
        String attacker = ip();
        List<Integer> statuses = parallel(60, i -> refreshFrom(attacker, UUID.randomUUID() + "-" + i)
                .returnResult(Void.class).getStatus().value());
        assertThat(statuses).filteredOn(status -> status == 401).hasSize(30);
        assertThat(statuses).filteredOn(status -> status == 429).hasSize(30);
    }

    @Test
    void givenTwentyParallelWrongPasswordsForOneAddress_atMostTheLimitReachThePasswordCheck() throws Exception {
        String email = uniqueEmail();
        register(email);
        List<Integer> statuses = parallel(20, i -> loginStatus(ip(), email, "parallel guess " + i, null));
        assertThat(statuses).filteredOn(status -> status == 401).hasSize(5);
        assertThat(statuses).filteredOn(status -> status == 429).hasSize(15);
    }

    @Test
    void givenASuccessfulLogin_itGivesBackItsPlace_soFourFailuresAndTheOwnersLoginsLeaveRoomForMore() {
        String email = uniqueEmail();
        register(email);
        for (int i = 0; i < 4; i++) {
            assertThat(loginStatus(ip(), email, "guess " + i, null)).isEqualTo(401);
        }
        for (int i = 0; i < 3; i++) {
            assertThat(loginStatus(ip(), email, PASSWORD, null)).isEqualTo(200);
        }
        assertThat(loginStatus(ip(), email, "guess 5", null)).isEqualTo(401);
        assertThat(loginStatus(ip(), email, "guess 6", null)).isEqualTo(429);
    }

    private static List<Integer> parallel(int requests, IntFunction<Integer> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return request.apply(n);
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> future : futures) {
                statuses.add(future.get(60, TimeUnit.SECONDS));
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void givenMoreSuccessfulLoginsThanThePerAddressLimit_noneOfThemIs429() {
        String email = uniqueEmail();
        register(email);
        String client = ip();
        for (int i = 0; i < 8; i++) {
            assertThat(loginStatus(client, email, PASSWORD, null)).as("login %d", i + 1).isEqualTo(200);
        }
    }

    @Test
    void givenAStrangerLockingTheAddress_newClientsGet429_butTheOwnersKnownDeviceLogsIn_andItsOwnFailuresLockIt() {
        String email = uniqueEmail();
        register(email);
        EntityExchangeResult<byte[]> first = login(ip(), email, PASSWORD, null).expectStatus().isOk()
                .expectCookie().httpOnly("lk_device", true)
                .expectCookie().secure("lk_device", true)
                .expectCookie().sameSite("lk_device", "Strict")
                .expectCookie().path("lk_device", "/api/v1/auth/login")
                .expectBody().returnResult();
        ResponseCookie device = first.getResponseCookies().getFirst("lk_device");
        assertThat(device).isNotNull();

        String stranger = ip();
        for (int i = 0; i < 5; i++) {
            assertThat(loginStatus(stranger, email, "stranger guess " + i, null)).isEqualTo(401);
        }
        login(ip(), email, PASSWORD, null).expectStatus().isEqualTo(429)
                .expectBody().jsonPath("$.type").isEqualTo("urn:problem:auth:too-many-requests");
        // A forged cookie, or one for another address, is no known device.
        assertThat(loginStatus(ip(), email, PASSWORD, device.getValue().substring(0, 40) + "x")).isEqualTo(429);

        String owner = ip();
        login(owner, email.toUpperCase(), PASSWORD, device.getValue()).expectStatus().isOk()
                .expectBody().jsonPath("$.access_token").exists();

        for (int i = 0; i < 5; i++) {
            assertThat(loginStatus(owner, email, "owner typo " + i, device.getValue())).isEqualTo(401);
        }
        login(owner, email, PASSWORD, device.getValue()).expectStatus().isEqualTo(429)
                .expectHeader().valueMatches(HttpHeaders.RETRY_AFTER, "[1-9][0-9]?");
    }

    @Test
    void givenAPasswordTooLongToHash_loginAnswersAsForAWrongPassword_andRegistrationNamesTheField() {
        String email = uniqueEmail();
        register(email);
        String client = ip();
        String wrong = login(client, email, "not the password", null).expectStatus().isUnauthorized()
                .expectBody(String.class).returnResult().getResponseBody();
        String huge = login(client, email, "x".repeat(200_000), null).expectStatus().isUnauthorized()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(huge).isEqualTo(wrong);

        http.post().uri("/api/v1/accounts").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", uniqueEmail(), "password", "€".repeat(171))).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("password")
                .jsonPath("$.errors[0].message").value(message -> assertThat((String) message).contains("512 bytes"));
        http.post().uri("/api/v1/accounts").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", uniqueEmail(), "password", "€".repeat(170))).exchange()
                .expectStatus().isAccepted();
    }

    @Test
    void givenThePasswordInDecomposedForm_loginAcceptsIt() {
        String email = uniqueEmail();
        http.post().uri("/api/v1/accounts").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", "cr\u00e8me br\u00fbl\u00e9e 2026")).exchange()
                .expectStatus().isAccepted();
        assertThat(loginStatus(ip(), email, "cre\u0300me bru\u0302le\u0301e 2026", null)).isEqualTo(200);
    }
}
