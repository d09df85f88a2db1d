package io.latchkey.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.latchkey.domain.model.federation.CodeChallenge;
import io.latchkey.testsupport.OidcTestServer;
import io.latchkey.testsupport.TestInfrastructure;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Federated sign-in end to end against a real OpenID Connect provider (mock-oauth2-server from test-support), real
 * PostgreSQL and Redis: the browser flow, linking, the native ID-token path, and each attack refused with nothing
 * created (checked in the database and Redis, not only by the status).
 */
class FederationIT extends IntegrationTest {

    private static final OidcTestServer OIDC = TestInfrastructure.shared().oidc();
    private static final HttpClient BROWSER = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Autowired
    private ReactiveStringRedisTemplate redis;

    /** The app's side of PKCE. */
    private record Pkce(String verifier, String challenge) {
        static Pkce fresh() {
            String verifier = UUID.randomUUID() + "-" + UUID.randomUUID();
            return new Pkce(verifier, CodeChallenge.of(verifier).value());
        }
    }

    @Test
    void newUser_browserFlow_createsAVerifiedPasswordlessAccountWithTheLinkAndAFederatedSession() throws Exception {
        String email = uniqueEmail();
        String subject = "g-" + UUID.randomUUID();
        OIDC.nextUser(OidcTestServer.GOOGLE_LIKE, subject, Map.of("email", email, "email_verified", true));
        Pkce pkce = Pkce.fresh();

        URI result = browserFlow("google", pkce, "app-state-1", null);

        Map<String, String> query = query(result);
        assertThat(result.toString()).startsWith(APP_REDIRECT + "?");
        assertThat(query).containsEntry("state", "app-state-1").containsKey("code").doesNotContainKeys("access_token");
        Map<String, Object> tokens = redeem(query.get("code"), pkce.verifier()).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        String access = (String) tokens.get("access_token");
        JWTClaimsSet claims = SignedJWT.parse(access).getJWTClaimsSet();
        assertThat(claims.getStringListClaim("amr")).containsExactly("fed");
        assertThat(claims.getStringClaim("idp")).isEqualTo("google");
        me(access).expectStatus().isOk().expectBody().jsonPath("$.email").isEqualTo(email)
                .jsonPath("$.email_verified").isEqualTo(true);
        String userId = userId(email);
        assertThat(count("SELECT count(*) FROM user_identities WHERE subject = ? AND provider = 'google'", subject)).isOne();
        assertThat(count("SELECT count(*) FROM users WHERE id = ?::uuid AND password_hash = '!none'", userId)).isOne();
        assertThat(eventTypesOfUser(userId)).contains("io.latchkey.user.registered", "io.latchkey.session.started");
        // No password until one is set through a reset: a login with any password is refused.
        http.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", "!none")).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void returningUser_signsInToTheSameAccount() throws Exception {
        String email = uniqueEmail();
        String subject = "g-" + UUID.randomUUID();
        String first = signIn("google", subject, Map.of("email", email, "email_verified", true));
        String second = signIn("google", subject, Map.of("email", email, "email_verified", true));

        assertThat(SignedJWT.parse(second).getJWTClaimsSet().getSubject())
                .isEqualTo(SignedJWT.parse(first).getJWTClaimsSet().getSubject());
        assertThat(count("SELECT count(*) FROM users WHERE email = ?", email)).isOne();
        assertThat(count("SELECT count(*) FROM user_identities WHERE subject = ?", subject)).isOne();
    }

    @Test
    void existingEmail_isRefusedWithAccountExists_thenLinkedAfterLoggingIn() throws Exception {
        String email = uniqueEmail();
        register(email);
        String subject = "g-" + UUID.randomUUID();
        OIDC.nextUser(OidcTestServer.GOOGLE_LIKE, subject, Map.of("email", email, "email_verified", true));

        URI refused = browserFlow("google", Pkce.fresh(), "s", null);

        assertThat(query(refused)).containsEntry("error", "account-exists").doesNotContainKey("code");
        assertThat(count("SELECT count(*) FROM user_identities WHERE subject = ?", subject)).isZero();
        assertThat(count("SELECT count(*) FROM users WHERE email = ?", email)).isOne();

        String bearer = accessTokenFor(email);
        OIDC.nextUser(OidcTestServer.GOOGLE_LIKE, subject, Map.of("email", email, "email_verified", true));
        URI linked = browserFlow("google", Pkce.fresh(), "link", bearer);

        assertThat(query(linked)).containsEntry("linked", "google").containsEntry("state", "link").doesNotContainKey("code");
        assertThat(count("SELECT count(*) FROM user_identities WHERE subject = ? AND user_id = (SELECT id FROM users WHERE email = '"
                + email + "')", subject)).isOne();
        String federated = signIn("google", subject, Map.of("email", email, "email_verified", true));
        assertThat(SignedJWT.parse(federated).getJWTClaimsSet().getSubject()).isEqualTo(userId(email));
        http.get().uri("/api/v1/me/identities").header(HttpHeaders.AUTHORIZATION, "Bearer " + federated).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$[0].provider").isEqualTo("google");
    }

    @Test
    void unlink_removesTheIdentity_butNotTheLastWayToLogIn() throws Exception {
        String email = uniqueEmail();
        String subject = "g-" + UUID.randomUUID();
        String federatedOnly = signIn("google", subject, Map.of("email", email, "email_verified", true));

        http.delete().uri("/api/v1/me/identities/google").header(HttpHeaders.AUTHORIZATION, "Bearer " + federatedOnly)
                .exchange().expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody().jsonPath("$.type").isEqualTo("urn:problem:auth:last-sign-in-method");
        assertThat(count("SELECT count(*) FROM user_identities WHERE subject = ?", subject)).isOne();

        String withPassword = uniqueEmail();
        register(withPassword);
        String bearer = accessTokenFor(withPassword);
        String other = "g-" + UUID.randomUUID();
        OIDC.nextUser(OidcTestServer.GOOGLE_LIKE, other, Map.of("email", withPassword, "email_verified", true));
        assertThat(query(browserFlow("google", Pkce.fresh(), "l", bearer))).containsEntry("linked", "google");

        http.delete().uri("/api/v1/me/identities/google").header(HttpHeaders.AUTHORIZATION, "Bearer " + bearer)
                .exchange().expectStatus().isNoContent();
        assertThat(count("SELECT count(*) FROM user_identities WHERE subject = ?", other)).isZero();
        assertThat(eventTypesOfUser(userId(withPassword)))
                .contains("io.latchkey.user.identity_linked", "io.latchkey.user.identity_unlinked");
    }

    @Test
    void nativeIdToken_signsIn_withANativeClientIdAsAudience() throws Exception {
        String email = uniqueEmail();
        String subject = "g-" + UUID.randomUUID();
        String idToken = OIDC.idToken(OidcTestServer.GOOGLE_LIKE, subject, List.of(NATIVE_CLIENT_ID),
                Map.of("email", email, "email_verified", true, "nonce", "native-nonce"), 300);

        Map<String, Object> tokens = nativeSignIn("google", idToken, "native-nonce").expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();

        assertThat(SignedJWT.parse((String) tokens.get("access_token")).getJWTClaimsSet().getStringClaim("idp"))
                .isEqualTo("google");
        assertThat(count("SELECT count(*) FROM user_identities WHERE subject = ?", subject)).isOne();
    }

    @Test
    @SuppressWarnings("unchecked")
    void givenTheAccountHasASecondFactor_aFederatedSignIn_getsAnMfaChallenge_notTokens() throws Exception {
        String email = uniqueEmail();
        String subject = "g-" + UUID.randomUUID();
        Map<String, Object> claims = Map.of("email", email, "email_verified", true, "nonce", "mfa-nonce");
        Map<String, Object> first = nativeSignIn("google", OIDC.idToken(OidcTestServer.GOOGLE_LIKE, subject,
                List.of(NATIVE_CLIENT_ID), claims, 300), "mfa-nonce").expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        String access = (String) first.get("access_token");
        String secret = (String) http.post().uri("/api/v1/me/mfa/totp").header(HttpHeaders.AUTHORIZATION, "Bearer " + access)
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("secret");
        long left = 30_000 - Instant.now().toEpochMilli() % 30_000;
        if (left < 12_000) {
            Thread.sleep(left + 100);
        }
        http.post().uri("/api/v1/me/mfa/totp/confirm").header(HttpHeaders.AUTHORIZATION, "Bearer " + access)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("code", Rfc6238.code(secret, Instant.now(), -1)))
                .exchange().expectStatus().isOk();
        long sessionsBefore = count("SELECT count(*) FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = ?", email);

        Map<String, Object> challenge = nativeSignIn("google", OIDC.idToken(OidcTestServer.GOOGLE_LIKE, subject,
                List.of(NATIVE_CLIENT_ID), claims, 300), "mfa-nonce").expectStatus().isForbidden()
                .expectBody(Map.class).returnResult().getResponseBody();

        assertThat(challenge).containsEntry("type", "urn:problem:auth:mfa-required").doesNotContainKey("access_token");
        assertThat(count("SELECT count(*) FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = ?", email))
                .isEqualTo(sessionsBefore);
        Map<String, Object> tokens = http.post().uri("/api/v1/auth/mfa").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("mfa_token", challenge.get("mfa_token"), "code", Rfc6238.code(secret, Instant.now(), 0)))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        JWTClaimsSet completed = SignedJWT.parse((String) tokens.get("access_token")).getJWTClaimsSet();
        assertThat(completed.getStringListClaim("amr")).contains("fed", "otp", "mfa");
        assertThat(completed.getStringClaim("idp")).isEqualTo("google");
    }

    @Test
    void nativeIdToken_withWrongNonceAudienceIssuerOrExpired_isRefusedAndCreatesNothing() throws Exception {
        String email = uniqueEmail();
        String subject = "g-" + UUID.randomUUID();
        Map<String, Object> claims = Map.of("email", email, "email_verified", true, "nonce", "n-1");
        List<String> tokens = List.of(
                OIDC.idToken(OidcTestServer.GOOGLE_LIKE, subject, List.of(OidcTestServer.CLIENT_ID),
                        Map.of("email", email, "email_verified", true, "nonce", "other"), 300),
                OIDC.idToken(OidcTestServer.GOOGLE_LIKE, subject, List.of("someone-else"), claims, 300),
                OIDC.idToken(OidcTestServer.KAKAO_LIKE, subject, List.of(OidcTestServer.CLIENT_ID), claims, 300),
                OIDC.idToken(OidcTestServer.GOOGLE_LIKE, subject, List.of(OidcTestServer.CLIENT_ID), claims, -120));

        for (String token : tokens) {
            nativeSignIn("google", token, "n-1").expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.type").isEqualTo("urn:problem:auth:invalid-federation-grant");
        }
        assertNothingCreated(email, subject);
    }

    @Test
    void nativeIdToken_withAlgNoneHmacOnThePublicKeyOrAnotherKey_isRefusedAndCreatesNothing() throws Exception {
        String email = uniqueEmail();
        String subject = "g-" + UUID.randomUUID();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(OIDC.issuer(OidcTestServer.GOOGLE_LIKE)).subject(subject)
                .audience(OidcTestServer.CLIENT_ID).expirationTime(Date.from(Instant.now().plusSeconds(300)))
                .issueTime(new Date()).claim("nonce", "n-2").claim("email", email).claim("email_verified", true).build();
        RSAKey providerKey = (RSAKey) JWKSet.load(new URL(OIDC.issuer(OidcTestServer.GOOGLE_LIKE) + "/jwks")).getKeys().get(0);
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String none = b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8)) + ".";
        SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(providerKey.getKeyID()).build(), claims);
        hmac.sign(new MACSigner(providerKey.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8)));
        RSAKey attacker = new RSAKeyGenerator(2048).keyID(providerKey.getKeyID()).generate();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(attacker.getKeyID()).build(), claims);
        forged.sign(new RSASSASigner(attacker));

        for (String token : List.of(none, hmac.serialize(), forged.serialize())) {
            nativeSignIn("google", token, "n-2").expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.type").isEqualTo("urn:problem:auth:invalid-federation-grant");
        }
        assertNothingCreated(email, subject);
    }

    @Test
    void anUnverifiedAddressClaimedThroughAProvider_losesItsLink_whenTheMailboxOwnerResetsThePassword() throws Exception {
        String email = uniqueEmail();
        String attacker = "k-" + UUID.randomUUID();
        signIn("kakao", attacker, Map.of("email", email));
        assertThat(count("SELECT count(*) FROM user_identities WHERE subject = ?", attacker)).isOne();

        http.post().uri("/api/v1/password-reset").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email)).exchange().expectStatus().is2xxSuccessful();
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("^\\s+([A-Za-z0-9_-]{43})\\s*$",
                java.util.regex.Pattern.MULTILINE).matcher(awaitMail(email, "Reset your password").body());
        assertThat(token.find()).isTrue();
        http.post().uri("/api/v1/password-reset/confirm").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("token", token.group(1), "new_password", "the-owner's-new-passphrase-1"))
                .exchange().expectStatus().is2xxSuccessful();

        assertThat(count("SELECT count(*) FROM user_identities WHERE subject = ?", attacker)).isZero();
        assertThat(eventTypesOfUser(userId(email))).contains("io.latchkey.user.identity_unlinked");
        OIDC.nextUser(OidcTestServer.KAKAO_LIKE, attacker, Map.of("email", email));
        assertThat(query(browserFlow("kakao", Pkce.fresh(), "s", null))).containsEntry("error", "account-exists")
                .doesNotContainKey("code");
    }

    @Test
    void aCodeRedeemedTwiceAtOnce_opensExactlyOneSession() throws Exception {
        String email = uniqueEmail();
        OIDC.nextUser(OidcTestServer.GOOGLE_LIKE, "g-" + UUID.randomUUID(), Map.of("email", email, "email_verified", true));
        Pkce pkce = Pkce.fresh();
        String code = query(browserFlow("google", pkce, "s", null)).get("code");
        var start = new java.util.concurrent.CountDownLatch(1);

        List<java.util.concurrent.CompletableFuture<Integer>> both = java.util.stream.Stream.of(1, 2)
                .map(i -> java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return redeem(code, pkce.verifier()).returnResult(Void.class).getStatus().value();
                })).toList();
        start.countDown();

        assertThat(both.stream().map(java.util.concurrent.CompletableFuture::join).toList())
                .containsExactlyInAnyOrder(200, 400);
        assertThat(count("SELECT count(*) FROM sessions WHERE user_id = ?::uuid", userId(email))).isOne();
    }

    @Test
    void aCodeFromBeforeALogoutAll_isRefused() throws Exception {
        String email = uniqueEmail();
        String subject = "g-" + UUID.randomUUID();
        String access = signIn("google", subject, Map.of("email", email, "email_verified", true));
        OIDC.nextUser(OidcTestServer.GOOGLE_LIKE, subject, Map.of("email", email, "email_verified", true));
        Pkce pkce = Pkce.fresh();
        String code = query(browserFlow("google", pkce, "s", null)).get("code");

        http.post().uri("/api/v1/auth/logout-all").header(HttpHeaders.AUTHORIZATION, "Bearer " + access).exchange()
                .expectStatus().is2xxSuccessful();

        redeem(code, pkce.verifier()).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("urn:problem:auth:invalid-federation-grant");
    }

    @Test
    void nativeIdToken_replayed_isRefusedTheSecondTime() throws Exception {
        String email = uniqueEmail();
        String subject = "g-" + UUID.randomUUID();
        String idToken = OIDC.idToken(OidcTestServer.GOOGLE_LIKE, subject, List.of(NATIVE_CLIENT_ID),
                Map.of("email", email, "email_verified", true, "nonce", "replayed-nonce"), 300);

        nativeSignIn("google", idToken, "replayed-nonce").expectStatus().isOk();
        nativeSignIn("google", idToken, "replayed-nonce").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("urn:problem:auth:invalid-federation-grant");

        assertThat(count("SELECT count(*) FROM sessions WHERE user_id = ?::uuid", userId(email))).isOne();
    }

    @Test
    void github_browserFlow_signsInWithThePrimaryVerifiedAddress_andItsIdTokenEndpointIsRefused() throws Exception {
        String email = uniqueEmail();
        long id = 1_000_000L + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
        String code = "gh-" + UUID.randomUUID();
        GithubStandIn.shared().register(code, id, """
                [{"email":"unverified-%1$s","verified":false,"primary":false,"visibility":null},
                 {"email":"%1$s","verified":true,"primary":true,"visibility":"private"}]""".formatted(email));
        Pkce pkce = Pkce.fresh();
        URI atProvider = http.get().uri(b -> b.path("/api/v1/auth/federation/github/authorize")
                        .queryParam("redirect_uri", APP_REDIRECT).queryParam("code_challenge", pkce.challenge())
                        .queryParam("code_challenge_method", "S256").queryParam("state", "gh-state").build())
                .exchange().expectStatus().isFound().expectBody().returnResult().getResponseHeaders().getLocation();
        Map<String, String> sent = query(atProvider);
        assertThat(atProvider.toString()).startsWith(GithubStandIn.shared().base() + "/login/oauth/authorize?");
        assertThat(sent).containsKeys("state", "code_challenge").containsEntry("code_challenge_method", "S256")
                .doesNotContainKey("nonce");

        URI back = callback("github", sent.get("state"), code).expectStatus().isFound().expectBody().returnResult()
                .getResponseHeaders().getLocation();
        Map<String, Object> tokens = redeem(query(back).get("code"), pkce.verifier()).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();

        JWTClaimsSet claims = SignedJWT.parse((String) tokens.get("access_token")).getJWTClaimsSet();
        assertThat(claims.getStringClaim("idp")).isEqualTo("github");
        me((String) tokens.get("access_token")).expectStatus().isOk().expectBody().jsonPath("$.email").isEqualTo(email)
                .jsonPath("$.email_verified").isEqualTo(true);
        assertThat(count("SELECT count(*) FROM user_identities WHERE provider = 'github' AND subject = ?",
                Long.toString(id))).isOne();
        nativeSignIn("github", "eyJhbGciOiJSUzI1NiJ9.e30.c2ln", "n").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("urn:problem:auth:id-token-not-supported");
    }

    @Test
    void github_withOnlyAnUnverifiedPrimary_cannotMakeAnAccount() throws Exception {
        String email = uniqueEmail();
        long id = 1_000_000L + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
        String code = "gh-" + UUID.randomUUID();
        GithubStandIn.shared().register(code, id, """
                [{"email":"%s","verified":false,"primary":true,"visibility":"public"},
                 {"email":"verified-%s","verified":true,"primary":false,"visibility":null}]""".formatted(email, email));
        URI atProvider = http.get().uri(b -> b.path("/api/v1/auth/federation/github/authorize")
                        .queryParam("redirect_uri", APP_REDIRECT).queryParam("code_challenge", Pkce.fresh().challenge())
                        .queryParam("code_challenge_method", "S256").build())
                .exchange().expectStatus().isFound().expectBody().returnResult().getResponseHeaders().getLocation();

        URI back = callback("github", query(atProvider).get("state"), code).expectStatus().isFound().expectBody()
                .returnResult().getResponseHeaders().getLocation();

        assertThat(query(back)).containsEntry("error", "email-required").doesNotContainKey("code");
        assertNothingCreated(email, Long.toString(id));
        assertThat(count("SELECT count(*) FROM users WHERE email = ?", "verified-" + email)).isZero();
    }

    @Test
    void unverifiedEmail_cannotTakeOverAnAccount_evenWhereAutoLinkIsOn() throws Exception {
        String email = uniqueEmail();
        register(email);
        confirmEmail(email);
        String subject = "g-" + UUID.randomUUID();
        OIDC.nextUser(OidcTestServer.GOOGLE_LIKE, subject, Map.of("email", email, "email_verified", false));

        URI refused = browserFlow("google-autolink", Pkce.fresh(), "s", null);

        assertThat(query(refused)).containsEntry("error", "account-exists");
        assertThat(count("SELECT count(*) FROM user_identities WHERE subject = ?", subject)).isZero();

        OIDC.nextUser(OidcTestServer.GOOGLE_LIKE, subject, Map.of("email", email, "email_verified", true));
        URI linked = browserFlow("google-autolink", Pkce.fresh(), "s", null);
        assertThat(query(linked)).containsKey("code");
        assertThat(count("SELECT count(*) FROM user_identities WHERE subject = ?", subject)).isOne();
    }

    @Test
    void providerWithoutEmail_newIdentity_isRefusedWithEmailRequired() throws Exception {
        String subject = "k-" + UUID.randomUUID();
        OIDC.nextUser(OidcTestServer.KAKAO_LIKE, subject, Map.of());

        URI refused = browserFlow("kakao", Pkce.fresh(), "s", null);

        assertThat(query(refused)).containsEntry("error", "email-required");
        assertThat(count("SELECT count(*) FROM user_identities WHERE subject = ?", subject)).isZero();
    }

    @Test
    void redirectUriNotAllowed_isProblemJsonNotARedirect_andStoresNothing() {
        long before = flowStates();
        Pkce pkce = Pkce.fresh();
        for (String uri : List.of("https://evil.example/signed-in", APP_REDIRECT + "/../x", APP_REDIRECT + "?x=1")) {
            http.get().uri(b -> b.path("/api/v1/auth/federation/google/authorize").queryParam("redirect_uri", uri)
                            .queryParam("code_challenge", pkce.challenge()).queryParam("code_challenge_method", "S256")
                            .build())
                    .exchange().expectStatus().isBadRequest()
                    .expectHeader().doesNotExist(HttpHeaders.LOCATION)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.type").isEqualTo("urn:problem:auth:redirect-uri-not-allowed");
        }
        http.get().uri(b -> b.path("/api/v1/auth/federation/google/authorize").queryParam("redirect_uri", APP_REDIRECT)
                        .queryParam("code_challenge", pkce.challenge()).queryParam("code_challenge_method", "plain").build())
                .exchange().expectStatus().isBadRequest().expectHeader().doesNotExist(HttpHeaders.LOCATION);
        assertThat(flowStates()).isEqualTo(before);
    }

    @Test
    void wrongOrReplayedState_isProblemJson_andCreatesNothing() throws Exception {
        String email = uniqueEmail();
        String subject = "g-" + UUID.randomUUID();
        callback("google", "never-issued", "any-code").expectStatus().isBadRequest()
                .expectHeader().doesNotExist(HttpHeaders.LOCATION)
                .expectBody().jsonPath("$.type").isEqualTo("urn:problem:auth:invalid-federation-grant");

        OIDC.nextUser(OidcTestServer.GOOGLE_LIKE, subject, Map.of("email", email, "email_verified", true));
        URI providerReturn = toProvider("google", Pkce.fresh(), "s", null);
        Map<String, String> returned = query(providerReturn);
        callback("google", returned.get("state"), returned.get("code")).expectStatus().isFound();
        long users = count("SELECT count(*) FROM users WHERE email = ?", email);

        callback("google", returned.get("state"), returned.get("code")).expectStatus().isBadRequest()
                .expectHeader().doesNotExist(HttpHeaders.LOCATION);
        assertThat(count("SELECT count(*) FROM users WHERE email = ?", email)).isEqualTo(users);
        // A state issued for one provider does not complete another's flow (refused before any token request).
        Map<String, String> other = query(toProvider("google", Pkce.fresh(), "s", null));
        callback("kakao", other.get("state"), other.get("code")).expectStatus().isBadRequest();
    }

    @Test
    void replayedCodeOrWrongVerifier_isRefused_andOpensNoFurtherSession() throws Exception {
        String email = uniqueEmail();
        OIDC.nextUser(OidcTestServer.GOOGLE_LIKE, "g-" + UUID.randomUUID(), Map.of("email", email, "email_verified", true));
        Pkce pkce = Pkce.fresh();
        String code = query(browserFlow("google", pkce, "s", null)).get("code");

        redeem(code, Pkce.fresh().verifier()).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("urn:problem:auth:invalid-federation-grant");
        // The wrong guess burned the code: the right verifier is too late.
        redeem(code, pkce.verifier()).expectStatus().isBadRequest();
        String userId = userId(email);
        assertThat(count("SELECT count(*) FROM sessions WHERE user_id = ?::uuid", userId)).isZero();

        OIDC.nextUser(OidcTestServer.GOOGLE_LIKE, "g-" + UUID.randomUUID(), Map.of("email", uniqueEmail(), "email_verified", true));
        Pkce second = Pkce.fresh();
        String another = query(browserFlow("google", second, "s", null)).get("code");
        redeem(another, second.verifier()).expectStatus().isOk();
        redeem(another, second.verifier()).expectStatus().isBadRequest();
    }

    @Test
    void expiredIdToken_inTheBrowserFlow_endsInAnErrorRedirect_andCreatesNothing() throws Exception {
        String email = uniqueEmail();
        String subject = "g-" + UUID.randomUUID();
        // The provider names the audience from the token request itself, so the browser flow's aud, iss, nonce and
        // signature checks are driven through the native endpoint above, which shares the validation.
        OIDC.nextToken(OidcTestServer.GOOGLE_LIKE, subject, List.of(OidcTestServer.CLIENT_ID),
                Map.of("email", email, "email_verified", true), -120);

        URI refused = browserFlow("google", Pkce.fresh(), "s", null);

        assertThat(query(refused)).containsEntry("error", "invalid-federation-grant");
        assertNothingCreated(email, subject);
    }

    @Test
    void providerDown_is503WithRetryAfter_andStoresNothing() {
        long before = flowStates();
        http.get().uri(b -> b.path("/api/v1/auth/federation/down/authorize").queryParam("redirect_uri", APP_REDIRECT)
                        .queryParam("code_challenge", Pkce.fresh().challenge()).queryParam("code_challenge_method", "S256")
                        .build())
                .exchange().expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader().exists(HttpHeaders.RETRY_AFTER)
                .expectHeader().doesNotExist(HttpHeaders.LOCATION);
        assertThat(flowStates()).isEqualTo(before);
    }

    @Test
    void unknownProvider_is404() {
        http.get().uri(b -> b.path("/api/v1/auth/federation/nope/authorize").queryParam("redirect_uri", APP_REDIRECT)
                        .queryParam("code_challenge", Pkce.fresh().challenge()).queryParam("code_challenge_method", "S256")
                        .build())
                .exchange().expectStatus().isNotFound().expectHeader().doesNotExist(HttpHeaders.LOCATION);
    }

    // --- the browser, the app and the provider ---

    /** A whole browser flow up to the redirect back to the app; returns that redirect. */
    private URI browserFlow(String provider, Pkce pkce, String appState, String bearer) throws Exception {
        Map<String, String> returned = query(toProvider(provider, pkce, appState, bearer));
        EntityExchangeResult<byte[]> back = callback(provider, returned.get("state"), returned.get("code"))
                .expectStatus().isFound().expectBody().returnResult();
        return back.getResponseHeaders().getLocation();
    }

    /** Authorize at Latchkey, then let the provider answer; returns the provider's redirect to the callback. */
    private URI toProvider(String provider, Pkce pkce, String appState, String bearer) throws Exception {
        var request = http.get().uri(b -> b.path("/api/v1/auth/federation/{provider}/authorize")
                .queryParam("redirect_uri", APP_REDIRECT).queryParam("code_challenge", pkce.challenge())
                .queryParam("code_challenge_method", "S256").queryParam("state", appState).build(provider));
        if (bearer != null) {
            request = request.header(HttpHeaders.AUTHORIZATION, "Bearer " + bearer);
        }
        URI atProvider = request.exchange().expectStatus().isFound().expectBody().returnResult()
                .getResponseHeaders().getLocation();
        assertThat(atProvider.toString()).startsWith(OIDC.issuer(issuerOf(provider)));
        HttpResponse<Void> answer = BROWSER.send(HttpRequest.newBuilder(atProvider).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(answer.statusCode()).isEqualTo(302);
        URI location = URI.create(answer.headers().firstValue("Location").orElseThrow());
        assertThat(location.getPath()).isEqualTo("/api/v1/auth/federation/" + provider + "/callback");
        return location;
    }

    private static String issuerOf(String provider) {
        return provider.startsWith("kakao") ? OidcTestServer.KAKAO_LIKE : OidcTestServer.GOOGLE_LIKE;
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec callback(String provider,
            String state, String code) {
        return http.get().uri(b -> b.path("/api/v1/auth/federation/{provider}/callback").queryParam("state", state)
                .queryParam("code", code).build(provider)).exchange();
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec redeem(String code, String verifier) {
        return http.post().uri("/api/v1/auth/federation/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("code", code, "code_verifier", verifier)).exchange();
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec nativeSignIn(String provider,
            String idToken, String nonce) {
        return http.post().uri("/api/v1/auth/federation/{provider}/id-token", provider)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("id_token", idToken, "nonce", nonce)).exchange();
    }

    /** A complete sign-in; the access token. */
    @SuppressWarnings("unchecked")
    private String signIn(String provider, String subject, Map<String, Object> claims) throws Exception {
        OIDC.nextUser(issuerOf(provider), subject, claims);
        Pkce pkce = Pkce.fresh();
        String code = query(browserFlow(provider, pkce, "s", null)).get("code");
        assertThat(code).as("a code, not an error").isNotNull();
        Map<String, Object> tokens = redeem(code, pkce.verifier()).expectStatus().isOk().expectBody(Map.class)
                .returnResult().getResponseBody();
        return (String) tokens.get("access_token");
    }

    private void confirmEmail(String email) {
        http.post().uri("/api/v1/accounts/email-verification/confirm").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "code", verificationCode(email))).exchange().expectStatus().isNoContent();
    }

    private void assertNothingCreated(String email, String subject) throws Exception {
        assertThat(count("SELECT count(*) FROM users WHERE email = ?", email)).isZero();
        assertThat(count("SELECT count(*) FROM user_identities WHERE subject = ?", subject)).isZero();
    }

    private long flowStates() {
        return redis.keys("lk:fed:state:*").count().block();
    }

    private static Map<String, String> query(URI uri) {
        return UriComponentsBuilder.fromUri(uri).build().getQueryParams().toSingleValueMap().entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                        e -> java.net.URLDecoder.decode(e.getValue(), StandardCharsets.UTF_8)));
    }
}
