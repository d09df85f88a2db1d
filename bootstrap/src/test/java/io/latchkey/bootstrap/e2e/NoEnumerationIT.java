package io.latchkey.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * Nothing tells whether an address has an account: register, login, reset and resend answer with the same status
 * and body, login takes as long, and only real accounts get mail. Also: racing registrations make one account.
 */
class NoEnumerationIT extends IntegrationTest {

    @Test
    void givenKnownAndUnknownAddresses_registerLoginResetAndResend_answerTheSame() {
        String known = uniqueEmail();
        register(known);
        String unknown = uniqueEmail();

        assertSameAnswer(post("/api/v1/accounts", Map.of("email", known, "password", PASSWORD)),
                post("/api/v1/accounts", Map.of("email", uniqueEmail(), "password", PASSWORD)), 202);
        assertSameAnswer(post("/api/v1/auth/login", Map.of("email", known, "password", "not the password")),
                post("/api/v1/auth/login", Map.of("email", unknown, "password", "not the password")), 401);
        assertSameAnswer(post("/api/v1/password-reset", Map.of("email", known)),
                post("/api/v1/password-reset", Map.of("email", unknown)), 202);
        assertSameAnswer(post("/api/v1/accounts/email-verification", Map.of("email", known)),
                post("/api/v1/accounts/email-verification", Map.of("email", unknown)), 202);
        // Inside the resend cooldown both are refused alike.
        assertSameAnswer(post("/api/v1/accounts/email-verification", Map.of("email", known)),
                post("/api/v1/accounts/email-verification", Map.of("email", unknown)), 429);

        awaitMail(known, "Reset your password");
        assertThat(mail().to(unknown)).as("nothing is ever sent to an address without an account").isEmpty();
        assertThat(mail().to(known)).extracting(m -> m.subject())
                .anyMatch(subject -> subject.equals("You already have an account"));
    }

    @Test
    void givenAnUnknownAddress_loginTime_isWithinTheSpreadOfAWrongPasswordForAKnownOne() {
        List<String> known = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String email = uniqueEmail();
            register(email);
            known.add(email);
        }
        // Warm up both paths, then interleave, three wrong passwords per account (below the lockout threshold).
        loginMillis(known.get(0));
        loginMillis(uniqueEmail());
        List<Long> knownTimes = new ArrayList<>();
        List<Long> unknownTimes = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            for (String email : known) {
                knownTimes.add(loginMillis(email));
                unknownTimes.add(loginMillis(uniqueEmail()));
            }
        }
        long low = knownTimes.stream().min(Long::compare).orElseThrow();
        long high = knownTimes.stream().max(Long::compare).orElseThrow();
        long unknownMedian = unknownTimes.stream().sorted().toList().get(unknownTimes.size() / 2);
        // A little slack on both sides: a 2-core machine running the whole suite is noisy.
        assertThat(unknownMedian).as("unknown median %d ms vs known %s ms", unknownMedian, knownTimes)
                .isBetween(low * 7 / 10, high * 13 / 10 + 2);
    }

    @Test
    void givenAnUnknownAddress_resetRequestTime_isWithinTheSpreadOfAKnownOne() {
        List<String> known = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String email = uniqueEmail();
            register(email);
            known.add(email);
        }
        resetMillis(known.get(0));
        resetMillis(uniqueEmail());
        List<Long> knownTimes = new ArrayList<>();
        List<Long> unknownTimes = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            for (String email : known) {
                knownTimes.add(resetMillis(email));
                unknownTimes.add(resetMillis(uniqueEmail()));
            }
        }
        long low = knownTimes.stream().min(Long::compare).orElseThrow();
        long high = knownTimes.stream().max(Long::compare).orElseThrow();
        long unknownMedian = unknownTimes.stream().sorted().toList().get(unknownTimes.size() / 2);
        assertThat(unknownMedian).as("unknown median %d ms vs known %s ms", unknownMedian, knownTimes)
                .isBetween(low * 7 / 10 - 1, high * 13 / 10 + 2);
    }

    @Test
    void givenTwentyConcurrentRegistrationsOfOneAddressInDifferentCases_exactlyOneAccountExists() throws Exception {
        String local = "race-" + System.nanoTime();
        List<Integer> statuses = concurrently(20, () -> {
            String variant = mixCase(local, Thread.currentThread().threadId()) + "@Example.COM";
            return http.post().uri("/api/v1/accounts").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("email", variant, "password", PASSWORD)).exchange()
                    .returnResult(Void.class).getStatus().value();
        });
        assertThat(statuses).containsOnly(202);
        // One account, keyed by the lower-cased address, holding whichever spelling registered first.
        assertThat(count("SELECT count(*) FROM users WHERE email_key = ?",
                local.toLowerCase(Locale.ROOT) + "@example.com")).isEqualTo(1);
    }

    @Test
    void givenTooManyResetRequestsForOneAddress_theFourthIs429WhetherOrNotItHasAnAccount() {
        String known = uniqueEmail();
        register(known);
        for (String email : new String[] {known, uniqueEmail()}) {
            for (int i = 0; i < 3; i++) {
                assertThat(post("/api/v1/password-reset", Map.of("email", email)).getStatus().value()).isEqualTo(202);
            }
            EntityExchangeResult<byte[]> limited = post("/api/v1/password-reset", Map.of("email", email));
            assertThat(limited.getStatus().value()).isEqualTo(429);
            assertThat(limited.getResponseHeaders().getFirst("Retry-After")).matches("[1-9][0-9]*");
            assertThat(new String(limited.getResponseBody())).contains("urn:problem:auth:too-many-requests");
        }
    }

    private EntityExchangeResult<byte[]> post(String path, Map<String, String> body) {
        return http.post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectBody().returnResult();
    }

    private static void assertSameAnswer(EntityExchangeResult<byte[]> known, EntityExchangeResult<byte[]> unknown,
            int status) {
        assertThat(known.getStatus().value()).isEqualTo(status);
        assertThat(unknown.getStatus().value()).isEqualTo(status);
        assertThat(withoutVaryingFields(unknown)).isEqualTo(withoutVaryingFields(known));
    }

    /** The path ({@code instance}) and Retry-After seconds may differ by a tick; nothing else may. */
    private static String withoutVaryingFields(EntityExchangeResult<byte[]> result) {
        return new String(result.getResponseBody()).replaceAll("\"instance\":\"[^\"]*\"", "");
    }

    private long loginMillis(String email) {
        long start = System.nanoTime();
        http.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", "not the password")).exchange()
                .expectStatus().isUnauthorized();
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }

    private long resetMillis(String email) {
        long start = System.nanoTime();
        http.post().uri("/api/v1/password-reset").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email)).exchange()
                .expectStatus().isAccepted();
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }

    private static String mixCase(String text, long seed) {
        StringBuilder mixed = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            mixed.append(((seed >> (i % 16)) & 1) == 1 ? Character.toUpperCase(c) : c);
        }
        return mixed.toString();
    }
}
