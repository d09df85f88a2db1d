package io.latchkey.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

/**
 * Passkeys on the real servers, answered by {@link SoftwareAuthenticator}: registration, the second factor at login,
 * passwordless sign-in, step-up, and every refusal the ceremonies owe (origin, rp id, reused challenge, another
 * account's credential, counter regression, missing user verification).
 */
class PasskeyIT extends IntegrationTest {

    private static final String INVALID_PASSKEY = "urn:problem:auth:invalid-passkey";

    private PasskeyClient passkeys;

    @BeforeEach
    void client() {
        passkeys = new PasskeyClient(http);
    }

    /** A new account with {@code authenticator} registered from a fresh password session; its email. */
    private String withPasskey(SoftwareAuthenticator authenticator) {
        String email = uniqueEmail();
        registerVerified(email);
        passkeys.register(accessTokenFor(email), authenticator, "Laptop");
        return email;
    }

    private Map<String, Object> mfaRequired(String email) {
        Map<String, Object> problem = passkeys.call(HttpMethod.POST, "/api/v1/auth/login", null,
                Map.of("email", email, "password", PASSWORD), 403);
        assertThat(problem).containsEntry("error", "mfa_required");
        return problem;
    }

    private static JWTClaimsSet claims(Map<String, Object> tokens) throws Exception {
        return SignedJWT.parse((String) tokens.get("access_token")).getJWTClaimsSet();
    }

    @Test
    @SuppressWarnings("unchecked")
    void givenRegisteredPasskey_loginAsksForIt_andAnAssertionCompletesItAsSecondFactor() throws Exception {
        SoftwareAuthenticator authenticator = new SoftwareAuthenticator();
        String email = uniqueEmail();
        registerVerified(email);
        String access = accessTokenFor(email);
        Map<String, Object> options = passkeys.registrationOptions(access);
        assertThat(options).containsEntry("attestation", "none");
        assertThat((Map<String, Object>) options.get("rp")).containsEntry("id", "localhost");
        Map<String, Object> added = passkeys.call(HttpMethod.POST, "/api/v1/me/passkeys", access,
                Map.of("name", "Laptop", "credential", authenticator.create(options)), 201);
        assertThat(added).containsEntry("name", "Laptop").containsEntry("credential_id", authenticator.credentialId())
                .containsEntry("synced", false);
        assertThat(eventTypesOfUser(userId(email))).contains("io.latchkey.user.passkey_added");

        Map<String, Object> problem = mfaRequired(email);
        assertThat((List<String>) problem.get("mfa_methods")).containsExactly("passkey");
        Map<String, Object> assertionOptions = passkeys.mfaOptions((String) problem.get("mfa_token"));
        assertThat((List<Map<String, Object>>) assertionOptions.get("allowCredentials"))
                .extracting(d -> d.get("id")).containsExactly(authenticator.credentialId());
        Map<String, Object> tokens = passkeys.call(HttpMethod.POST, "/api/v1/auth/mfa", null,
                Map.of("mfa_token", problem.get("mfa_token"), "passkey", authenticator.get(assertionOptions)), 200);

        assertThat(claims(tokens).getStringListClaim("amr")).containsExactly("pwd", "hwk", "mfa");
        List<Map<String, Object>> listed = (List<Map<String, Object>>) (List<?>) http.get().uri("/api/v1/me/passkeys")
                .header("Authorization", "Bearer " + tokens.get("access_token")).exchange().expectStatus().isOk()
                .expectBody(List.class).returnResult().getResponseBody();
        assertThat(listed).singleElement().satisfies(p -> assertThat(p.get("last_used_at")).isNotNull());
    }

    @Test
    void givenDiscoverablePasskey_passwordlessSignIn_answersTokens_onlyWithUserVerification() throws Exception {
        SoftwareAuthenticator synced = new SoftwareAuthenticator(true);
        String email = withPasskey(synced);
        Map<String, Object> options = passkeys.signInOptions();
        assertThat(options).containsEntry("userVerification", "required").containsEntry("rpId", "localhost");
        assertThat((List<?>) options.get("allowCredentials")).isEmpty();

        Map<String, Object> tokens = passkeys.call(HttpMethod.POST, "/api/v1/auth/passkeys", null,
                Map.of("credential", synced.get(options)), 200);
        assertThat(claims(tokens).getStringListClaim("amr")).containsExactly("swk");
        assertThat(claims(tokens).getSubject()).isEqualTo(userId(email));
        me((String) tokens.get("access_token")).expectStatus().isOk();

        Map<String, Object> unverified = passkeys.call(HttpMethod.POST, "/api/v1/auth/passkeys", null,
                Map.of("credential", synced.get(passkeys.signInOptions(), SoftwareAuthenticator.ORIGIN,
                        SoftwareAuthenticator.RP_ID, false)), 400);
        assertThat(unverified).containsEntry("type", INVALID_PASSKEY);
        assertThat((String) unverified.get("detail")).contains("verify the user");
    }

    @Test
    void givenWrongOriginOrRpId_ceremoniesAreRefused() {
        SoftwareAuthenticator authenticator = new SoftwareAuthenticator();
        String email = uniqueEmail();
        registerVerified(email);
        String access = accessTokenFor(email);
        assertThat(passkeys.call(HttpMethod.POST, "/api/v1/me/passkeys", access, Map.of("credential",
                authenticator.create(passkeys.registrationOptions(access), "https://evil.example", "localhost")), 400))
                .containsEntry("type", INVALID_PASSKEY);
        assertThat(passkeys.call(HttpMethod.POST, "/api/v1/me/passkeys", access, Map.of("credential",
                authenticator.create(passkeys.registrationOptions(access), SoftwareAuthenticator.ORIGIN, "evil.example")),
                400)).containsEntry("type", INVALID_PASSKEY);
        passkeys.register(access, authenticator, "Laptop");

        Map<String, Object> wrongOrigin = passkeys.call(HttpMethod.POST, "/api/v1/auth/passkeys", null, Map.of("credential",
                authenticator.get(passkeys.signInOptions(), "https://evil.example", SoftwareAuthenticator.RP_ID, true)), 400);
        assertThat((String) wrongOrigin.get("detail")).contains("origin");
        Map<String, Object> wrongRpId = passkeys.call(HttpMethod.POST, "/api/v1/auth/passkeys", null, Map.of("credential",
                authenticator.get(passkeys.signInOptions(), SoftwareAuthenticator.ORIGIN, "evil.example", true)), 400);
        assertThat((String) wrongRpId.get("detail")).contains("relying party");
        passkeys.signIn(authenticator, 200);
    }

    @Test
    void givenAnsweredChallenge_theSameAnswerAgain_isRefused() {
        SoftwareAuthenticator authenticator = new SoftwareAuthenticator();
        withPasskey(authenticator);
        Map<String, Object> answer = Map.of("credential", authenticator.get(passkeys.signInOptions()));
        passkeys.call(HttpMethod.POST, "/api/v1/auth/passkeys", null, answer, 200);

        Map<String, Object> replayed = passkeys.call(HttpMethod.POST, "/api/v1/auth/passkeys", null, answer, 400);
        assertThat((String) replayed.get("detail")).contains("already used");
    }

    @Test
    void givenTheSameAnswerTwiceAtOnce_exactlyOneSignInSucceeds() throws Exception {
        SoftwareAuthenticator authenticator = new SoftwareAuthenticator();
        withPasskey(authenticator);
        Map<String, Object> answer = Map.of("credential", authenticator.get(passkeys.signInOptions()));

        List<Integer> statuses = concurrently(4, () -> http.post().uri("/api/v1/auth/passkeys")
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON).bodyValue(answer).exchange()
                .expectBody().returnResult().getStatus().value());

        assertThat(statuses).containsOnlyOnce(200).containsOnly(200, 400);
    }

    @Test
    void givenAnotherAccountsPasskey_itCompletesNeitherTheSecondFactorNorAStepUp() {
        SoftwareAuthenticator mine = new SoftwareAuthenticator();
        SoftwareAuthenticator theirs = new SoftwareAuthenticator();
        String email = withPasskey(mine);
        withPasskey(theirs);

        String mfaToken = (String) mfaRequired(email).get("mfa_token");
        Map<String, Object> refused = passkeys.call(HttpMethod.POST, "/api/v1/auth/mfa", null,
                Map.of("mfa_token", mfaToken, "passkey", theirs.get(passkeys.mfaOptions(mfaToken))), 400);
        assertThat(refused).containsEntry("type", INVALID_PASSKEY);
        assertThat((String) refused.get("detail")).contains("not registered to the account");
        passkeys.call(HttpMethod.POST, "/api/v1/auth/mfa", null,
                Map.of("mfa_token", mfaToken, "passkey", mine.get(passkeys.mfaOptions(mfaToken))), 200);

        String access = (String) passkeys.signIn(mine, 200).get("access_token");
        passkeys.call(HttpMethod.POST, "/api/v1/me/step-up", access,
                Map.of("passkey", theirs.get(passkeys.stepUpOptions(access))), 400);
    }

    @Test
    void givenCounterGoingBackwards_theAssertionIsRefused() {
        SoftwareAuthenticator authenticator = new SoftwareAuthenticator();
        withPasskey(authenticator);
        passkeys.signIn(authenticator, 200);
        passkeys.signIn(authenticator, 200);

        // A clone of the authenticator still at the first use's counter.
        authenticator.counter(0);
        Map<String, Object> refused = passkeys.signIn(authenticator, 400);
        assertThat((String) refused.get("detail")).contains("counter");
    }

    @Test
    @SuppressWarnings("unchecked")
    void givenAccountWithPasskey_addingAndRemovingNeedAStepUpWithIt() throws Exception {
        SoftwareAuthenticator first = new SoftwareAuthenticator();
        String email = uniqueEmail();
        registerVerified(email);
        String passwordOnly = accessTokenFor(email);
        String id = (String) passkeys.register(passwordOnly, first, "Laptop").get("id");

        // The account now has a second factor that this password session never presented.
        assertThat(passkeys.call(HttpMethod.POST, "/api/v1/me/passkeys/registration-options", passwordOnly, null, 401))
                .containsEntry("type", "urn:problem:auth:step-up-required");
        passkeys.call(HttpMethod.DELETE, "/api/v1/me/passkeys/" + id, passwordOnly, null, 401);
        assertThat(passkeys.call(HttpMethod.PATCH, "/api/v1/me/passkeys/" + id, passwordOnly,
                Map.of("name", "Work laptop"), 200)).containsEntry("name", "Work laptop");

        String stepped = passkeys.stepUp(passwordOnly, first);
        assertThat(SignedJWT.parse(stepped).getJWTClaimsSet().getStringListClaim("amr")).containsExactly("pwd", "hwk", "mfa");
        passkeys.register(stepped, new SoftwareAuthenticator(true), "Phone");
        passkeys.call(HttpMethod.DELETE, "/api/v1/me/passkeys/" + id, stepped, null, 204);
        passkeys.call(HttpMethod.DELETE, "/api/v1/me/passkeys/" + id, stepped, null, 404);

        List<Map<String, Object>> left = (List<Map<String, Object>>) (List<?>) http.get().uri("/api/v1/me/passkeys")
                .header("Authorization", "Bearer " + stepped).exchange().expectStatus().isOk()
                .expectBody(List.class).returnResult().getResponseBody();
        assertThat(left).extracting(p -> p.get("name")).containsExactly("Phone");
        assertThat(eventTypesOfUser(userId(email))).contains("io.latchkey.user.passkey_removed");
        Map<String, Object> refused = passkeys.call(HttpMethod.POST, "/api/v1/auth/passkeys", null,
                Map.of("credential", first.get(passkeys.signInOptions())), 400);
        assertThat((String) refused.get("detail")).contains("not registered");
    }

    @Test
    void givenAnUnverifiedAddress_registrationOptionsAndRegistrationAreRefused() {
        String email = uniqueEmail();
        register(email);
        String access = accessTokenFor(email);
        assertThat(passkeys.call(HttpMethod.POST, "/api/v1/me/passkeys/registration-options", access, null, 403))
                .containsEntry("type", "urn:problem:auth:email-not-verified");
        assertThat(passkeys.call(HttpMethod.POST, "/api/v1/me/passkeys", access,
                Map.of("name", "Planted", "credential", new SoftwareAuthenticator().create(Map.of(
                        "challenge", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "rp", Map.of("id", "localhost"),
                        "user", Map.of("id", "AAAA")))), 403))
                .containsEntry("type", "urn:problem:auth:email-not-verified");
    }

    @Test
    @SuppressWarnings("unchecked")
    void givenMalformedRegistrations_orHiddenCharactersInAName_theyAreRefusedWith400() throws Exception {
        String email = uniqueEmail();
        registerVerified(email);
        String access = accessTokenFor(email);

        Map<String, Object> withNullTransport = new SoftwareAuthenticator().create(passkeys.registrationOptions(access));
        ((Map<String, Object>) withNullTransport.get("response")).put("transports", java.util.Arrays.asList("usb", null));
        assertThat(passkeys.call(HttpMethod.POST, "/api/v1/me/passkeys", access,
                Map.of("name", "Laptop", "credential", withNullTransport), 400).toString()).contains("transports");
        Map<String, Object> withLongTransport = new SoftwareAuthenticator().create(passkeys.registrationOptions(access));
        ((Map<String, Object>) withLongTransport.get("response")).put("transports", List.of("x".repeat(33)));
        passkeys.call(HttpMethod.POST, "/api/v1/me/passkeys", access,
                Map.of("name", "Laptop", "credential", withLongTransport), 400);

        Map<String, Object> longId = new SoftwareAuthenticator(false, 1024).create(passkeys.registrationOptions(access));
        assertThat(passkeys.call(HttpMethod.POST, "/api/v1/me/passkeys", access,
                Map.of("name", "Laptop", "credential", longId), 400)).containsEntry("type", INVALID_PASSKEY);
        assertThat(count("SELECT count(*) FROM passkeys WHERE user_id = ?::uuid", userId(email))).isZero();

        String id = (String) passkeys.register(access, new SoftwareAuthenticator(false, 1023), "Laptop").get("id");
        for (String hidden : List.of("evil\u202Egpj.exe", "a\u200Bb", "line\u2028break", "para\u2029graph")) {
            passkeys.call(HttpMethod.PATCH, "/api/v1/me/passkeys/" + id, access, Map.of("name", hidden), 400);
        }
    }
}
