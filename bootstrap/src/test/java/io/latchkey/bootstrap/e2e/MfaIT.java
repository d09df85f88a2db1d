package io.latchkey.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * TOTP, recovery codes, the MFA challenge at login and step-up on the real servers. Codes are computed by
 * {@link Rfc6238}, not by the service's own implementation.
 */
class MfaIT extends IntegrationTest {

    @Autowired
    ReactiveStringRedisTemplate redis;

    /** A user with an active TOTP factor whose confirming code was the previous step's: this step and the next are free. */
    private record Enrolled(String email, String secret, List<String> recoveryCodes) {
    }

    /** Waits, if needed, for a time step with at least 12 s left, so a sequence of codes does not straddle a boundary. */
    private static void awaitRoomInStep() throws InterruptedException {
        long left = 30_000 - Instant.now().toEpochMilli() % 30_000;
        if (left < 12_000) {
            Thread.sleep(left + 100);
        }
    }

    private String code(String secret, int steps) {
        return Rfc6238.code(secret, Instant.now(), steps);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> call(HttpMethod method, String uri, String accessToken, Object body, int expected) {
        var request = http.method(method).uri(uri);
        if (accessToken != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken);
        }
        var spec = body == null ? request.exchange() : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
        EntityExchangeResult<Map> result = spec.expectBody(Map.class).returnResult();
        assertThat(result.getStatus().value()).as("%s %s answered %s", method, uri, result.getResponseBody())
                .isEqualTo(expected);
        return result.getResponseBody();
    }

    private int status(HttpMethod method, String uri, String accessToken, Object body) {
        var request = http.method(method).uri(uri);
        if (accessToken != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken);
        }
        var spec = body == null ? request.exchange() : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
        return spec.expectBody().returnResult().getStatus().value();
    }

    @SuppressWarnings("unchecked")
    private Enrolled enrolled() throws Exception {
        String email = uniqueEmail();
        register(email);
        String access = accessTokenFor(email);
        Map<String, Object> enrolment = call(HttpMethod.POST, "/api/v1/me/mfa/totp", access, null, 201);
        String secret = (String) enrolment.get("secret");
        assertThat((String) enrolment.get("otpauth_uri")).startsWith("otpauth://totp/Latchkey:")
                .contains("secret=" + secret).contains("issuer=Latchkey");
        assertThat((String) enrolment.get("qr_svg")).startsWith("<svg").endsWith("</svg>");
        awaitRoomInStep();
        Map<String, Object> confirmed = call(HttpMethod.POST, "/api/v1/me/mfa/totp/confirm", access,
                Map.of("code", code(secret, -1)), 200);
        List<String> codes = (List<String>) confirmed.get("recovery_codes");
        assertThat(codes).hasSize(10).doesNotHaveDuplicates().allMatch(c -> c.matches("[a-z2-9]{4}(-[a-z2-9]{4}){3}"));
        return new Enrolled(email, secret, codes);
    }

    private Map<String, Object> challenge(String email) {
        Map<String, Object> problem = call(HttpMethod.POST, "/api/v1/auth/login", null,
                Map.of("email", email, "password", PASSWORD), 403);
        assertThat(problem).containsEntry("type", "urn:problem:auth:mfa-required").containsEntry("error", "mfa_required");
        return problem;
    }

    private String mfaToken(String email) {
        return (String) challenge(email).get("mfa_token");
    }

    private static JWTClaimsSet claims(Map<String, Object> tokens) throws Exception {
        return SignedJWT.parse((String) tokens.get("access_token")).getJWTClaimsSet();
    }

    private static long sessionsOf(String email) throws Exception {
        return count("SELECT count(*) FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = ?", email);
    }

    @Test
    void givenTotpEnrolled_loginAnswersMfaRequired_andACodeCompletesItWithAmrThatRefreshKeeps() throws Exception {
        Enrolled user = enrolled();
        long sessionsBefore = sessionsOf(user.email());

        Map<String, Object> problem = challenge(user.email());
        assertThat(problem.get("mfa_methods")).isEqualTo(List.of("otp", "recovery_code"));
        assertThat(((Number) problem.get("expires_in")).longValue()).isEqualTo(300);
        assertThat((String) problem.get("mfa_token")).startsWith("mfa.");
        assertThat(sessionsOf(user.email())).as("no session before the second factor").isEqualTo(sessionsBefore);

        Map<String, Object> tokens = call(HttpMethod.POST, "/api/v1/auth/mfa", null,
                Map.of("mfa_token", problem.get("mfa_token"), "code", code(user.secret(), 0)), 200);
        assertThat(claims(tokens).getStringListClaim("amr")).containsExactly("pwd", "otp", "mfa");
        assertThat(claims(call(HttpMethod.POST, "/api/v1/auth/refresh", null,
                Map.of("refresh_token", tokens.get("refresh_token")), 200)).getStringListClaim("amr"))
                .containsExactly("pwd", "otp", "mfa");
        assertThat(call(HttpMethod.GET, "/api/v1/me/mfa", (String) tokens.get("access_token"), null, 200))
                .containsEntry("totp", "active").containsEntry("recovery_codes_remaining", 10);
        assertThat(eventTypesOfUser(userId(user.email()))).contains("io.latchkey.user.mfa_enabled");
    }

    @Test
    void givenCodeAccepted_theSameCodeAgain_isRefused_andDriftIsOneStep() throws Exception {
        Enrolled user = enrolled();
        String now = code(user.secret(), 0);
        call(HttpMethod.POST, "/api/v1/auth/mfa", null, Map.of("mfa_token", mfaToken(user.email()), "code", now), 200);

        Map<String, Object> replay = call(HttpMethod.POST, "/api/v1/auth/mfa", null,
                Map.of("mfa_token", mfaToken(user.email()), "code", now), 400);
        assertThat(replay).containsEntry("type", "urn:problem:auth:invalid-second-factor");

        String token = mfaToken(user.email());
        call(HttpMethod.POST, "/api/v1/auth/mfa", null, Map.of("mfa_token", token, "code", code(user.secret(), 2)), 400);
        call(HttpMethod.POST, "/api/v1/auth/mfa", null, Map.of("mfa_token", token, "code", code(user.secret(), 1)), 200);
    }

    @Test
    void givenRecoveryCode_itCompletesOnceNotTwice_andTheUserIsTold() throws Exception {
        Enrolled user = enrolled();
        String recovery = user.recoveryCodes().get(0);

        call(HttpMethod.POST, "/api/v1/auth/mfa", null, Map.of("mfa_token", mfaToken(user.email()), "recovery_code", recovery), 200);
        assertThat(awaitMail(user.email(), "A recovery code was used").body()).contains("9 unused recovery codes remain");

        call(HttpMethod.POST, "/api/v1/auth/mfa", null, Map.of("mfa_token", mfaToken(user.email()), "recovery_code", recovery), 400);
    }

    @Test
    void givenChallenge_afterItsAttemptsAreUsed_evenTheRightCodeIsRefused() throws Exception {
        Enrolled user = enrolled();
        String token = mfaToken(user.email());
        for (int i = 0; i < 5; i++) {
            call(HttpMethod.POST, "/api/v1/auth/mfa", null, Map.of("mfa_token", token, "code", "000000"), 400);
        }

        Map<String, Object> refused = call(HttpMethod.POST, "/api/v1/auth/mfa", null,
                Map.of("mfa_token", token, "code", code(user.secret(), 0)), 401);
        assertThat(refused).containsEntry("type", "urn:problem:auth:invalid-mfa-token");
    }

    @Test
    void givenExpiredChallenge_completing_isRefused() throws Exception {
        Enrolled user = enrolled();
        String token = mfaToken(user.email());
        String pattern = "lk:{u:" + userId(user.email()) + "}:mfa:*";
        List<String> keys = redis.keys(pattern).collectList().block();
        assertThat(keys).as("the challenge lives under the user's hash tag").hasSize(1);
        assertThat(redis.getExpire(keys.get(0)).block()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(5));
        redis.expire(keys.get(0), Duration.ofMillis(1)).block();
        await().atMost(Duration.ofSeconds(5)).until(() -> Boolean.FALSE.equals(redis.hasKey(keys.get(0)).block()));

        call(HttpMethod.POST, "/api/v1/auth/mfa", null, Map.of("mfa_token", token, "code", code(user.secret(), 0)), 401);
    }

    @Test
    void givenMfaToken_everyOtherEndpointRefusesIt_andItStillCompletes() throws Exception {
        Enrolled user = enrolled();
        String token = mfaToken(user.email());

        assertThat(status(HttpMethod.GET, "/api/v1/me", token, null)).isEqualTo(401);
        assertThat(status(HttpMethod.POST, "/api/v1/me/step-up", token, Map.of("code", code(user.secret(), 0)))).isEqualTo(401);
        assertThat(status(HttpMethod.POST, "/api/v1/me/mfa/totp", token, null)).isEqualTo(401);
        assertThat(status(HttpMethod.POST, "/api/v1/auth/refresh", null, Map.of("refresh_token", token))).isEqualTo(401);
        assertThat(status(HttpMethod.POST, "/api/v1/auth/verify", null, Map.of("token", token))).isEqualTo(401);
        assertThat(http.post().uri("/api/v1/auth/introspect")
                .headers(h -> h.setBasicAuth(INTROSPECTION_CLIENT, INTROSPECTION_SECRET))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue("token=" + token)
                .exchange().expectBody(Map.class).returnResult().getResponseBody()).containsEntry("active", false);

        call(HttpMethod.POST, "/api/v1/auth/mfa", null, Map.of("mfa_token", token, "code", code(user.secret(), 0)), 200);
    }

    @Test
    void givenOldAuthentication_everySensitiveEndpointDemandsStepUp_whichTheSecondFactorGives() throws Exception {
        Enrolled user = enrolled();
        Map<String, Object> tokens = call(HttpMethod.POST, "/api/v1/auth/mfa", null,
                Map.of("mfa_token", mfaToken(user.email()), "code", code(user.secret(), 0)), 200);
        String access = (String) tokens.get("access_token");
        ageAuthentication(sessionIdOf(access), Duration.ofMinutes(6));

        for (var call : List.of(
                new Object[] {HttpMethod.POST, "/api/v1/me/password", Map.of("current_password", PASSWORD, "new_password", "another long passphrase")},
                new Object[] {HttpMethod.DELETE, "/api/v1/me", Map.of("password", PASSWORD)},
                new Object[] {HttpMethod.POST, "/api/v1/me/mfa/totp", null},
                new Object[] {HttpMethod.DELETE, "/api/v1/me/mfa/totp", null},
                new Object[] {HttpMethod.POST, "/api/v1/me/mfa/recovery-codes", null})) {
            var request = http.method((HttpMethod) call[0]).uri((String) call[1]).header(HttpHeaders.AUTHORIZATION, "Bearer " + access);
            var result = (call[2] == null ? request.exchange() : request.contentType(MediaType.APPLICATION_JSON).bodyValue(call[2]).exchange())
                    .expectBody(Map.class).returnResult();
            assertThat(result.getStatus().value()).as("%s %s", call[0], call[1]).isEqualTo(401);
            assertThat(result.getResponseBody()).as("%s %s", call[0], call[1])
                    .containsEntry("type", "urn:problem:auth:step-up-required").containsEntry("second_factor_required", true);
            assertThat(result.getResponseHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE))
                    .contains("insufficient_user_authentication").contains("max_age=300");
        }

        call(HttpMethod.POST, "/api/v1/me/step-up", access, Map.of("password", PASSWORD), 400);
        Map<String, Object> stepped = call(HttpMethod.POST, "/api/v1/me/step-up", access,
                Map.of("code", code(user.secret(), 1)), 200);
        JWTClaimsSet steppedClaims = claims(stepped);
        // The record was aged by six minutes; the step-up moves it back to now, which the new token says.
        assertThat(steppedClaims.getLongClaim("auth_time")).isGreaterThanOrEqualTo(claims(tokens).getLongClaim("auth_time"));
        assertThat(steppedClaims.getStringListClaim("amr")).containsExactly("pwd", "otp", "mfa");
        assertThat(steppedClaims.getStringClaim("sid")).isEqualTo(sessionIdOf(access));

        call(HttpMethod.POST, "/api/v1/me/mfa/recovery-codes", (String) stepped.get("access_token"), null, 200);
        call(HttpMethod.POST, "/api/v1/me/password", (String) stepped.get("access_token"),
                Map.of("current_password", PASSWORD, "new_password", "another long passphrase"), 204);
    }

    @Test
    void givenPasswordOnlySession_afterEnrolment_factorChangesNeedTheSecondFactor() throws Exception {
        String email = uniqueEmail();
        register(email);
        String access = accessTokenFor(email);
        Map<String, Object> enrolment = call(HttpMethod.POST, "/api/v1/me/mfa/totp", access, null, 201);
        awaitRoomInStep();
        call(HttpMethod.POST, "/api/v1/me/mfa/totp/confirm", access, Map.of("code", code((String) enrolment.get("secret"), -1)), 200);

        Map<String, Object> refused = call(HttpMethod.DELETE, "/api/v1/me/mfa/totp", access, null, 401);
        assertThat(refused).containsEntry("second_factor_required", true);

        Map<String, Object> stepped = call(HttpMethod.POST, "/api/v1/me/step-up", access,
                Map.of("code", code((String) enrolment.get("secret"), 0)), 200);
        call(HttpMethod.DELETE, "/api/v1/me/mfa/totp", (String) stepped.get("access_token"), null, 204);
        assertThat(eventTypesOfUser(userId(email))).contains("io.latchkey.user.mfa_disabled");
        assertThat(login(email)).containsKey("access_token");
    }

    @Test
    void givenTwoCompletionsOfOneChallengeAtOnce_exactlyOneSessionOpens() throws Exception {
        Enrolled user = enrolled();
        String token = mfaToken(user.email());
        long before = sessionsOf(user.email());
        AtomicInteger which = new AtomicInteger();
        List<Map<String, String>> proofs = List.of(Map.of("mfa_token", token, "code", code(user.secret(), 0)),
                Map.of("mfa_token", token, "recovery_code", user.recoveryCodes().get(1)));

        List<Integer> statuses = concurrently(2, () -> status(HttpMethod.POST, "/api/v1/auth/mfa", null,
                proofs.get(which.getAndIncrement())));

        assertThat(statuses).containsOnlyOnce(200);
        assertThat(sessionsOf(user.email())).isEqualTo(before + 1);
    }

    @Test
    void givenTheSameCodeOnTwoChallengesAtOnce_itIsAcceptedOnce() throws Exception {
        Enrolled user = enrolled();
        String code = code(user.secret(), 0);
        List<String> tokens = List.of(mfaToken(user.email()), mfaToken(user.email()));
        long before = sessionsOf(user.email());
        AtomicInteger which = new AtomicInteger();

        List<Integer> statuses = concurrently(2, () -> status(HttpMethod.POST, "/api/v1/auth/mfa", null,
                Map.of("mfa_token", tokens.get(which.getAndIncrement()), "code", code)));

        assertThat(statuses).containsExactlyInAnyOrder(200, 400);
        assertThat(sessionsOf(user.email())).isEqualTo(before + 1);
    }

    @Test
    void givenAdminReset_theUserIsToldSignedOutEverywhereAndSignsInWithThePasswordAlone() throws Exception {
        Enrolled user = enrolled();
        String before = (String) call(HttpMethod.POST, "/api/v1/auth/mfa", null,
                Map.of("mfa_token", mfaToken(user.email()), "code", code(user.secret(), 0)), 200).get("access_token");
        // The administrator is set up once the application is ready; wait for it rather than race it.
        await().atMost(Duration.ofSeconds(20)).until(() -> status(HttpMethod.POST, "/api/v1/auth/login", null,
                Map.of("email", ADMIN_EMAIL, "password", ADMIN_PASSWORD)) == 200);
        String admin = (String) login(ADMIN_EMAIL, ADMIN_PASSWORD).get("access_token");

        assertThat(status(HttpMethod.DELETE, "/api/v1/admin/users/" + userId(user.email()) + "/mfa", admin, null))
                .isEqualTo(204);

        assertThat(awaitMail(user.email(), "Your second factors were reset").body()).contains("An administrator removed");
        me(before).expectStatus().isUnauthorized();
        assertThat(login(user.email())).containsKey("access_token");
        assertThat(eventTypesOfUser(userId(user.email()))).contains("io.latchkey.user.mfa_disabled");
    }

    @Test
    @SuppressWarnings("unchecked")
    void givenTwoRegenerationsAtOnce_exactlyOneSetOfTenSurvives_andTheOldSetIsVoid() throws Exception {
        Enrolled user = enrolled();
        String access = (String) call(HttpMethod.POST, "/api/v1/auth/mfa", null,
                Map.of("mfa_token", mfaToken(user.email()), "code", code(user.secret(), 0)), 200).get("access_token");
        List<List<String>> sets = new java.util.concurrent.CopyOnWriteArrayList<>();

        List<Integer> statuses = concurrently(2, () -> {
            Map<String, Object> body = call(HttpMethod.POST, "/api/v1/me/mfa/recovery-codes", access, null, 200);
            sets.add((List<String>) body.get("recovery_codes"));
            return 200;
        });

        assertThat(statuses).containsExactly(200, 200);
        assertThat(count("SELECT count(*) FROM recovery_codes r JOIN users u ON u.id = r.user_id "
                + "WHERE u.email = ? AND r.used_at IS NULL", user.email())).as("one set, not both").isEqualTo(10);
        assertThat(status(HttpMethod.POST, "/api/v1/auth/mfa", null,
                Map.of("mfa_token", mfaToken(user.email()), "recovery_code", user.recoveryCodes().get(0))))
                .as("the set shown at enrolment is void").isEqualTo(400);
        long working = sets.stream().filter(set -> status(HttpMethod.POST, "/api/v1/auth/mfa", null,
                Map.of("mfa_token", mfaToken(user.email()), "recovery_code", set.get(0))) == 200).count();
        assertThat(working).as("exactly one of the two answered sets works").isEqualTo(1);
    }

    @Test
    void givenPasswordOnlySessionElsewhere_confirmingTotp_revokesIt() throws Exception {
        String email = uniqueEmail();
        register(email);
        String otherRefresh = (String) login(email).get("refresh_token");
        String access = accessTokenFor(email);
        Map<String, Object> enrolment = call(HttpMethod.POST, "/api/v1/me/mfa/totp", access, null, 201);
        awaitRoomInStep();

        call(HttpMethod.POST, "/api/v1/me/mfa/totp/confirm", access, Map.of("code", code((String) enrolment.get("secret"), -1)), 200);

        assertThat(status(HttpMethod.POST, "/api/v1/auth/refresh", null, Map.of("refresh_token", otherRefresh)))
                .as("a session opened with the password alone ends when the account gains a factor").isEqualTo(401);
        assertThat(call(HttpMethod.GET, "/api/v1/me/mfa", access, null, 200)).containsEntry("totp", "active");
    }

    @Test
    void givenPendingEnrolment_wrongConfirmCodes_areLockedOut() throws Exception {
        String email = uniqueEmail();
        register(email);
        String access = accessTokenFor(email);
        Map<String, Object> enrolment = call(HttpMethod.POST, "/api/v1/me/mfa/totp", access, null, 201);
        List<Integer> statuses = new java.util.ArrayList<>();
        for (int i = 0; i < 12 && !statuses.contains(429); i++) {
            statuses.add(status(HttpMethod.POST, "/api/v1/me/mfa/totp/confirm", access, Map.of("code", "000000")));
        }

        assertThat(statuses).contains(429).doesNotContain(200);
        assertThat(status(HttpMethod.POST, "/api/v1/me/mfa/totp/confirm", access,
                Map.of("code", code((String) enrolment.get("secret"), 0)))).as("locked: the right code waits too")
                .isEqualTo(429);
    }

    @Test
    void givenAdmin_resettingTheirOwnFactors_isRefused_andAResetOfAnotherRecordsTheAdmin() throws Exception {
        Enrolled user = enrolled();
        await().atMost(Duration.ofSeconds(20)).until(() -> status(HttpMethod.POST, "/api/v1/auth/login", null,
                Map.of("email", ADMIN_EMAIL, "password", ADMIN_PASSWORD)) == 200);
        String admin = (String) login(ADMIN_EMAIL, ADMIN_PASSWORD).get("access_token");

        Map<String, Object> refused = call(HttpMethod.DELETE, "/api/v1/admin/users/" + userId(ADMIN_EMAIL) + "/mfa",
                admin, null, 400);
        assertThat(refused.toString()).contains("/api/v1/me/mfa/totp");

        assertThat(status(HttpMethod.DELETE, "/api/v1/admin/users/" + userId(user.email()) + "/mfa", admin, null))
                .isEqualTo(204);
        assertThat(count("SELECT count(*) FROM outbox WHERE aggregate_id = '" + userId(user.email()) + "'::uuid "
                + "AND event_type LIKE '%mfa_disabled' AND payload::text LIKE ?", "%" + userId(ADMIN_EMAIL) + "%"))
                .as("the event names the administrator").isEqualTo(1);
    }

    @Test
    void givenStoredSecret_itIsSealedNotPlain() throws Exception {
        Enrolled user = enrolled();
        try (Connection c = jdbc(); PreparedStatement q = c.prepareStatement(
                "SELECT key_id, sealed_secret FROM totp_factors t JOIN users u ON u.id = t.user_id WHERE u.email = ?")) {
            q.setString(1, user.email());
            try (var rs = q.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isNotBlank();
                byte[] sealed = rs.getBytes(2);
                byte[] plain = Rfc6238.base32Decode(user.secret());
                assertThat(sealed).hasSize(12 + plain.length + 16);
                assertThat(new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1))
                        .doesNotContain(new String(plain, java.nio.charset.StandardCharsets.ISO_8859_1));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> login(String email, String password) {
        return http.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", password)).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    private static void ageAuthentication(String sessionId, Duration by) throws Exception {
        try (Connection c = jdbc(); PreparedStatement u = c.prepareStatement(
                "UPDATE sessions SET auth_time = auth_time - make_interval(secs => ?) WHERE id = ?::uuid")) {
            u.setLong(1, by.toSeconds());
            u.setString(2, sessionId);
            assertThat(u.executeUpdate()).isEqualTo(1);
        }
    }
}
