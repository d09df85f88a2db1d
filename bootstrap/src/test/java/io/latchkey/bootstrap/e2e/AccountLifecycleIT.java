package io.latchkey.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.latchkey.adapters.redis.RedisSecret;
import io.latchkey.testsupport.ReceivedMail;
import java.nio.charset.StandardCharsets;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Email verification, profile, password change and reset, and deletion through every layer on real servers and
 * a real SMTP server: each happy path, each bad input with its exact status and problem type, and that a failed
 * request changed nothing.
 */
class AccountLifecycleIT extends IntegrationTest {

    private static final String NEW_PASSWORD = "a completely new passphrase";

    @Autowired
    private ReactiveStringRedisTemplate redis;

    @Autowired
    private RedisSecret redisSecret;

    // ---- email verification -------------------------------------------------------------------------------

    @Test
    void givenTheMailedCode_confirm_verifiesTheEmailEmitsTheEventAndMeShowsItAtOnce() throws Exception {
        String email = uniqueEmail();
        register(email);
        String token = accessTokenFor(email);
        me(token).expectBody().jsonPath("$.email_verified").isEqualTo(false);
        ReceivedMail mail = awaitMail(email, VERIFICATION_SUBJECT);
        assertThat(mail.recipients()).containsExactly(email);

        confirm(email, verificationCode(email)).expectStatus().isNoContent();

        assertThat(emailVerified(email)).isTrue();
        me(token).expectStatus().isOk().expectBody().jsonPath("$.email_verified").isEqualTo(true);
        assertThat(eventTypes(email)).contains("io.latchkey.user.email_verified");
    }

    @Test
    void givenAWrongCode_confirm_is400AndChangesNothing() throws Exception {
        String email = uniqueEmail();
        register(email);
        String code = verificationCode(email);
        confirm(email, wrong(code)).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:problem:auth:invalid-verification-code");
        assertThat(emailVerified(email)).isFalse();
        confirm(email, code).expectStatus().isNoContent();
    }

    @Test
    void givenAnExpiredCode_confirm_is400AndChangesNothing() throws Exception {
        String email = uniqueEmail();
        register(email);
        String code = verificationCode(email);
        redis.expire(codeKey(email), Duration.ofMillis(1)).block();
        Thread.sleep(20);
        confirm(email, code).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("urn:problem:auth:invalid-verification-code");
        assertThat(emailVerified(email)).isFalse();
    }

    @Test
    void givenFiveWrongCodes_theSixthAttempt_failsEvenWithTheRightCode() throws Exception {
        String email = uniqueEmail();
        register(email);
        String code = verificationCode(email);
        for (int i = 0; i < 5; i++) {
            confirm(email, wrong(code)).expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.type").isEqualTo("urn:problem:auth:invalid-verification-code");
        }
        confirm(email, code).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("urn:problem:auth:invalid-verification-code");
        assertThat(emailVerified(email)).isFalse();
    }

    @Test
    void givenConcurrentWrongCodes_attempts_areCountedExactlyAndNeverBeyondTheAllowance() throws Exception {
        String email = uniqueEmail();
        register(email);
        String code = verificationCode(email);

        // Four at once: every one is counted (no lost update), and the code survives.
        assertThat(concurrently(4, () -> confirmStatus(email, wrong(code)))).containsOnly(400);
        assertThat(redis.<String, String>opsForHash().get(codeKey(email), "a").block()).isEqualTo("4");

        // Fifty at once: the fifth miss burns the code, so the rest find nothing to guess against.
        assertThat(concurrently(50, () -> confirmStatus(email, wrong(code)))).containsOnly(400);
        assertThat(redis.hasKey(codeKey(email)).block()).isFalse();
        confirm(email, code).expectStatus().isBadRequest();
        assertThat(emailVerified(email)).isFalse();
    }

    @Test
    void givenAResend_aNewCodeReplacesTheOldOneAndASecondResendInsideTheCooldownIs429() throws Exception {
        String email = uniqueEmail();
        register(email);
        String first = verificationCode(email);
        resend(email).expectStatus().isAccepted();
        mail().await(m -> m.recipients().contains(email) && m.subject().startsWith(VERIFICATION_SUBJECT)
                && !m.body().contains(first), Duration.ofSeconds(10));
        String second = verificationCode(email);

        resend(email).expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueMatches(HttpHeaders.RETRY_AFTER, "[1-9][0-9]?")
                .expectBody().jsonPath("$.type").isEqualTo("urn:problem:auth:too-many-requests");

        if (!first.equals(second)) {
            confirm(email, first).expectStatus().isBadRequest();
        }
        confirm(email, second).expectStatus().isNoContent();
    }

    @Test
    void givenAMalformedCodeOrBody_confirm_is400InvalidInput() {
        http.post().uri("/api/v1/accounts/email-verification/confirm").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", "not-an-email", "code", "12ab"))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("urn:problem:auth:invalid-input")
                .jsonPath("$.errors[?(@.field == 'email')]").exists()
                .jsonPath("$.errors[?(@.field == 'code')].message").isEqualTo("must be 6 digits");
        http.post().uri("/api/v1/accounts/email-verification/confirm").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"email\": ").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("urn:problem:auth:invalid-input");
    }

    // ---- profile -----------------------------------------------------------------------------------------------

    @Test
    void givenANewName_patchMe_updatesItEmitsUserUpdatedAndMeShowsItAtOnce() throws Exception {
        String email = uniqueEmail();
        register(email);
        String token = accessTokenFor(email);
        me(token).expectStatus().isOk();
        patchMe(token, Map.of("first_name", "Grace", "last_name", "Hopper")).expectStatus().isOk()
                .expectBody().jsonPath("$.first_name").isEqualTo("Grace").jsonPath("$.last_name").isEqualTo("Hopper");
        me(token).expectBody().jsonPath("$.first_name").isEqualTo("Grace").jsonPath("$.last_name").isEqualTo("Hopper");

        patchMe(token, Map.of("last_name", "")).expectStatus().isOk()
                .expectBody().jsonPath("$.first_name").isEqualTo("Grace").jsonPath("$.last_name").doesNotExist();
        assertThat(eventTypes(email)).contains("io.latchkey.user.updated");
    }

    @Test
    void givenATooLongName_patchMe_is400WithFieldErrorsAndChangesNothing() {
        String email = uniqueEmail();
        register(email);
        String token = accessTokenFor(email);
        patchMe(token, Map.of("first_name", "Ada")).expectStatus().isOk();
        patchMe(token, Map.of("first_name", "x".repeat(101), "last_name", "y".repeat(101))).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("urn:problem:auth:invalid-input")
                .jsonPath("$.errors[?(@.field == 'first_name')]").exists()
                .jsonPath("$.errors[?(@.field == 'last_name')]").exists();
        me(token).expectBody().jsonPath("$.first_name").isEqualTo("Ada");
    }

    // ---- password change ---------------------------------------------------------------------------------------

    @Test
    void givenTheRightCurrentPassword_change_keepsThisSessionEndsTheOthersAndTheNewPasswordWorks() throws Exception {
        String email = uniqueEmail();
        register(email);
        String mine = accessTokenFor(email);
        String other = accessTokenFor(email);
        changePassword(mine, PASSWORD, NEW_PASSWORD).expectStatus().isNoContent();

        me(mine).expectStatus().isOk();
        me(other).expectStatus().isUnauthorized();
        loginStatus(email, PASSWORD).expectStatus().isUnauthorized();
        loginStatus(email, NEW_PASSWORD).expectStatus().isOk();
        assertThat(eventTypes(email)).contains("io.latchkey.user.password_changed", "io.latchkey.session.revoked");
    }

    @Test
    void givenAWrongCurrentPassword_change_is400AndChangesNothing() {
        String email = uniqueEmail();
        register(email);
        String mine = accessTokenFor(email);
        String other = accessTokenFor(email);
        changePassword(mine, "not the password", NEW_PASSWORD).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:problem:auth:incorrect-password");
        changePassword(mine, PASSWORD, "short").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("new_password");
        me(other).expectStatus().isOk();
        loginStatus(email, PASSWORD).expectStatus().isOk();
    }

    // ---- password reset ----------------------------------------------------------------------------------------

    @Test
    void givenTheMailedToken_resetConfirm_setsThePasswordEndsEverySessionAndTheTokenWorksOnce() throws Exception {
        String email = uniqueEmail();
        register(email);
        String before = accessTokenFor(email);
        requestReset(email).expectStatus().isAccepted();
        String token = resetToken(email);

        confirmReset(token, NEW_PASSWORD).expectStatus().isNoContent();
        me(before).expectStatus().isUnauthorized();
        loginStatus(email, PASSWORD).expectStatus().isUnauthorized();
        loginStatus(email, NEW_PASSWORD).expectStatus().isOk();
        assertThat(eventTypes(email)).contains("io.latchkey.user.password_changed");

        confirmReset(token, "yet another passphrase").expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:problem:auth:invalid-reset-token");
        loginStatus(email, NEW_PASSWORD).expectStatus().isOk();
    }

    @Test
    void givenASecondResetMail_theFirstTokenFails_andOnlyTheSecondWorks() throws Exception {
        String email = uniqueEmail();
        register(email);
        requestReset(email).expectStatus().isAccepted();
        String first = resetToken(email);
        requestReset(email).expectStatus().isAccepted();
        mail().await(m -> resetMails(email).size() == 2, Duration.ofSeconds(10));
        String second = tokenIn(resetMails(email).get(1));
        assertThat(second).isNotEqualTo(first);

        confirmReset(first, NEW_PASSWORD).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:problem:auth:invalid-reset-token");
        loginStatus(email, PASSWORD).expectStatus().isOk();
        confirmReset(second, NEW_PASSWORD).expectStatus().isNoContent();
        loginStatus(email, NEW_PASSWORD).expectStatus().isOk();
    }

    @Test
    void givenTwoConcurrentConfirmsWithOneToken_exactlyOneSucceeds() throws Exception {
        String email = uniqueEmail();
        register(email);
        requestReset(email).expectStatus().isAccepted();
        String token = resetToken(email);
        List<Integer> statuses = concurrently(2, () -> confirmReset(token, NEW_PASSWORD)
                .returnResult(Void.class).getStatus().value());
        assertThat(statuses).containsExactlyInAnyOrder(204, 400);
    }

    @Test
    void givenAnUnknownTokenOrABadBody_resetConfirm_is400AndChangesNothing() {
        String email = uniqueEmail();
        register(email);
        confirmReset("no-such-token", NEW_PASSWORD).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("urn:problem:auth:invalid-reset-token");
        http.post().uri("/api/v1/password-reset/confirm").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("urn:problem:auth:invalid-input")
                .jsonPath("$.errors[?(@.field == 'token')]").exists()
                .jsonPath("$.errors[?(@.field == 'new_password')]").exists();
        loginStatus(email, PASSWORD).expectStatus().isOk();
    }

    @Test
    void givenAnUnknownAddress_resetRequest_is202AndMailsNothing() throws Exception {
        String unknown = uniqueEmail();
        requestReset(unknown).expectStatus().isAccepted();
        String known = uniqueEmail();
        register(known);
        requestReset(known).expectStatus().isAccepted();
        awaitMail(known, "Reset your password");
        assertThat(mail().to(unknown)).isEmpty();
    }

    // ---- deletion ----------------------------------------------------------------------------------------------

    @Test
    void givenThePassword_deleteMe_removesTheAccountItsSessionsAndTokens() throws Exception {
        String email = uniqueEmail();
        register(email);
        String token = accessTokenFor(email);
        String userId = userId(email);
        deleteMe(token, "not the password").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("urn:problem:auth:incorrect-password");
        me(token).expectStatus().isOk();

        deleteMe(token, PASSWORD).expectStatus().isNoContent();
        me(token).expectStatus().isUnauthorized();
        loginStatus(email, PASSWORD).expectStatus().isUnauthorized();
        assertThat(count("SELECT count(*) FROM users WHERE id = ?::uuid", userId)).isZero();
        assertThat(count("SELECT count(*) FROM sessions WHERE user_id = ?::uuid", userId)).isZero();
        assertThat(count("SELECT count(*) FROM mail_outbox WHERE recipient = ?", email)).isZero();
        assertThat(eventTypesOfUser(userId)).contains("io.latchkey.session.revoked", "io.latchkey.user.deleted");
    }

    // ---- mail delivery -----------------------------------------------------------------------------------------

    @Test
    void givenSmtpDown_mail_waitsInTheOutboxAndIsDeliveredWhenItReturns_butAnExpiredCodeNever() throws Exception {
        String delayed = uniqueEmail();
        String expired = uniqueEmail();
        mail().pause();
        try {
            register(delayed);
            register(expired);
            Thread.sleep(1_500);
            assertThat(count("SELECT count(*) FROM mail_outbox WHERE recipient = ?", delayed)).isEqualTo(1);
            try (Connection c = jdbc(); PreparedStatement age = c.prepareStatement(
                    "UPDATE mail_outbox SET expires_at = now() - interval '1 second' WHERE recipient = ?")) {
                age.setString(1, expired);
                assertThat(age.executeUpdate()).isEqualTo(1);
            }
        } finally {
            mail().resume();
        }
        awaitMail(delayed, VERIFICATION_SUBJECT);
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (count("SELECT count(*) FROM mail_outbox WHERE recipient = ?", expired) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(count("SELECT count(*) FROM mail_outbox WHERE recipient = ?", expired)).isZero();
        assertThat(mail().to(expired)).isEmpty();
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private WebTestClient.ResponseSpec confirm(String email, String code) {
        return http.post().uri("/api/v1/accounts/email-verification/confirm").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "code", code)).exchange();
    }

    private int confirmStatus(String email, String code) {
        return confirm(email, code).returnResult(Void.class).getStatus().value();
    }

    private WebTestClient.ResponseSpec resend(String email) {
        return http.post().uri("/api/v1/accounts/email-verification").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email)).exchange();
    }

    private WebTestClient.ResponseSpec patchMe(String token, Map<String, String> body) {
        return http.patch().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec changePassword(String token, String current, String next) {
        return http.post().uri("/api/v1/me/password").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("current_password", current, "new_password", next)).exchange();
    }

    private WebTestClient.ResponseSpec deleteMe(String token, String password) {
        return http.method(org.springframework.http.HttpMethod.DELETE).uri("/api/v1/me")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("password", password)).exchange();
    }

    private WebTestClient.ResponseSpec requestReset(String email) {
        return http.post().uri("/api/v1/password-reset").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email)).exchange();
    }

    private WebTestClient.ResponseSpec confirmReset(String token, String password) {
        return http.post().uri("/api/v1/password-reset/confirm").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("token", token, "new_password", password)).exchange();
    }

    private WebTestClient.ResponseSpec loginStatus(String email, String password) {
        return http.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", password)).exchange();
    }

    private static String resetToken(String email) {
        return tokenIn(awaitMail(email, "Reset your password"));
    }

    private static List<ReceivedMail> resetMails(String email) {
        return mail().to(email).stream().filter(m -> m.subject().startsWith("Reset your password")).toList();
    }

    private static String tokenIn(ReceivedMail mail) {
        Matcher token = Pattern.compile("^\\s+([A-Za-z0-9_-]{43})\\s*$", Pattern.MULTILINE).matcher(mail.body());
        assertThat(token.find()).as("a token in %s", mail.body()).isTrue();
        return token.group(1);
    }

    private static String wrong(String code) {
        return code.equals("000000") ? "000001" : "000000";
    }

    /** The key layout of docs/architecture.md: the address MACed with the service's Redis secret. */
    private String codeKey(String email) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(redisSecret.bytes(), "HmacSHA256"));
        return "lk:verify:" + HexFormat.of().formatHex(mac.doFinal(email.getBytes(StandardCharsets.UTF_8)));
    }

    private static boolean emailVerified(String email) throws Exception {
        try (Connection c = jdbc(); PreparedStatement q = c.prepareStatement("SELECT email_verified FROM users WHERE email = ?")) {
            q.setString(1, email);
            try (ResultSet rs = q.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getBoolean(1);
            }
        }
    }

    private static List<String> eventTypes(String email) throws Exception {
        return eventTypesOfUser(userId(email));
    }
}
