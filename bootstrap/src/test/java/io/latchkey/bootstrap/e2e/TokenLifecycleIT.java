package io.latchkey.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

/** Rotation, reuse detection, logout, introspection and attacks, over HTTP against the real servers. */
class TokenLifecycleIT extends IntegrationTest {

    @LocalServerPort
    int port;

    private static Map<String, Object> sessionRow(String sessionId) throws Exception {
        try (Connection c = jdbc(); PreparedStatement q = c.prepareStatement(
                "SELECT status, generation, revocation_reason, (SELECT count(*) FROM refresh_tokens t WHERE t.session_id = s.id) AS tokens "
                        + "FROM sessions s WHERE id = ?::uuid")) {
            q.setString(1, sessionId);
            try (ResultSet rs = q.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return Map.of("status", rs.getString(1), "generation", rs.getLong(2),
                        "reason", String.valueOf(rs.getString(3)), "tokens", rs.getLong(4));
            }
        }
    }

    private void refreshFails(String refreshToken, String problemType) {
        http.post().uri("/api/v1/auth/refresh").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("refresh_token", refreshToken))
                .exchange().expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:problem:auth:" + problemType);
    }

    @Test
    void givenTenConcurrentRefreshesOfOneToken_exactlyOneRotationHappensAndAllGetTheSameSuccessor() throws Exception {
        String email = uniqueEmail();
        register(email);
        Map<String, Object> tokens = login(email);
        String sessionId = sessionIdOf((String) tokens.get("access_token"));
        WebClient client = WebClient.create("http://localhost:" + port);

        List<Map> answers = Flux.range(0, 10)
                .flatMap(i -> client.post().uri("/api/v1/auth/refresh").contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("refresh_token", tokens.get("refresh_token")))
                        .retrieve().bodyToMono(Map.class), 10)
                .collectList().block(Duration.ofSeconds(30));

        assertThat(answers).hasSize(10);
        Set<Object> successors = answers.stream().map(a -> a.get("refresh_token")).collect(Collectors.toSet());
        assertThat(successors).hasSize(1).doesNotContain(tokens.get("refresh_token"));
        assertThat(sessionRow(sessionId)).containsEntry("status", "ACTIVE").containsEntry("generation", 1L)
                .containsEntry("tokens", 2L);
        me((String) answers.get(0).get("access_token")).expectStatus().isOk();
    }

    @Test
    void givenRotatedTokenReplayedAfterGrace_familyIsRevokedAndBothTokensFail() throws Exception {
        String email = uniqueEmail();
        register(email);
        Map<String, Object> first = login(email);
        String sessionId = sessionIdOf((String) first.get("access_token"));
        Map<String, Object> second = refresh((String) first.get("refresh_token"));
        assertThat(refresh((String) first.get("refresh_token")).get("refresh_token"))
                .as("a retry inside the grace window gets the same successor").isEqualTo(second.get("refresh_token"));

        ageRotation(sessionId, Duration.ofSeconds(11));
        refreshFails((String) first.get("refresh_token"), "refresh-token-reused");

        assertThat(sessionRow(sessionId)).containsEntry("status", "REVOKED").containsEntry("reason", "REFRESH_REUSE");
        refreshFails((String) second.get("refresh_token"), "invalid-refresh-token");
        refreshFails((String) first.get("refresh_token"), "invalid-refresh-token");
        me((String) second.get("access_token")).expectStatus().isUnauthorized();
    }

    @Test
    void givenLogout_accessAndRefreshTokenFailOnTheNextRequest() throws Exception {
        String email = uniqueEmail();
        register(email);
        Map<String, Object> tokens = login(email);
        String access = (String) tokens.get("access_token");
        me(access).expectStatus().isOk();

        http.post().uri("/api/v1/auth/logout").header(HttpHeaders.AUTHORIZATION, "Bearer " + access)
                .exchange().expectStatus().isNoContent();

        me(access).expectStatus().isUnauthorized()
                .expectHeader().valueMatches(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\".*");
        refreshFails((String) tokens.get("refresh_token"), "invalid-refresh-token");
        assertThat(sessionRow(sessionIdOf(access))).containsEntry("reason", "LOGOUT");
    }

    @Test
    void givenLogoutAll_everySessionOfTheAccountEnds() {
        String email = uniqueEmail();
        register(email);
        Map<String, Object> laptop = login(email);
        Map<String, Object> phone = login(email);
        http.post().uri("/api/v1/auth/logout-all").header(HttpHeaders.AUTHORIZATION, "Bearer " + laptop.get("access_token"))
                .exchange().expectStatus().isNoContent();
        me((String) laptop.get("access_token")).expectStatus().isUnauthorized();
        me((String) phone.get("access_token")).expectStatus().isUnauthorized();
        refreshFails((String) phone.get("refresh_token"), "invalid-refresh-token");
    }

    @Test
    void givenTwoDevices_sessionsListBoth_andDeletingTheOtherEndsOnlyIt() throws Exception {
        String email = uniqueEmail();
        register(email);
        String laptop = (String) login(email).get("access_token");
        String phone = (String) login(email).get("access_token");
        http.get().uri("/api/v1/me/sessions").header(HttpHeaders.AUTHORIZATION, "Bearer " + laptop)
                .header(HttpHeaders.USER_AGENT, "ignored-on-list").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[?(@.current == true)].id").isEqualTo(sessionIdOf(laptop))
                .jsonPath("$[0].created_at").isNotEmpty()
                .jsonPath("$[0].ip_address").isNotEmpty();

        http.delete().uri("/api/v1/me/sessions/{id}", sessionIdOf(phone)).header(HttpHeaders.AUTHORIZATION, "Bearer " + laptop)
                .exchange().expectStatus().isNoContent();
        me(phone).expectStatus().isUnauthorized();
        me(laptop).expectStatus().isOk();

        String stranger = (String) login(registered()).get("access_token");
        http.delete().uri("/api/v1/me/sessions/{id}", sessionIdOf(laptop)).header(HttpHeaders.AUTHORIZATION, "Bearer " + stranger)
                .exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo("urn:problem:auth:session-not-found");
        me(laptop).expectStatus().isOk();
    }

    @Test
    void givenVerify_liveTokenIs200AndLoggedOutTokenIs401() {
        String access = (String) login(registered()).get("access_token");
        http.post().uri("/api/v1/auth/verify").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("token", access))
                .exchange().expectStatus().isOk().expectBody().json("{}");
        http.post().uri("/api/v1/auth/logout").header(HttpHeaders.AUTHORIZATION, "Bearer " + access).exchange()
                .expectStatus().isNoContent();
        http.post().uri("/api/v1/auth/verify").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("token", access))
                .exchange().expectStatus().isUnauthorized();
    }

    @Test
    void givenIntrospection_authenticatedClientSeesActiveThenInactive_andStrangersAreRefused() throws Exception {
        String access = (String) login(registered()).get("access_token");
        introspect(access, INTROSPECTION_SECRET).expectStatus().isOk()
                .expectHeader().valueMatches(HttpHeaders.CACHE_CONTROL, ".*no-store.*")
                .expectBody()
                .jsonPath("$.active").isEqualTo(true)
                .jsonPath("$.sub").isEqualTo(SignedJWT.parse(access).getJWTClaimsSet().getSubject())
                .jsonPath("$.sid").isEqualTo(sessionIdOf(access))
                .jsonPath("$.token_type").isEqualTo("Bearer")
                .jsonPath("$.amr[0]").isEqualTo("pwd")
                .jsonPath("$.auth_time").isEqualTo(SignedJWT.parse(access).getJWTClaimsSet().getDateClaim("auth_time")
                        .toInstant().getEpochSecond())
                .jsonPath("$.idp").doesNotExist();
        introspect(access, "wrong-secret-wrong-secret-wrong-secret").expectStatus().isUnauthorized()
                .expectHeader().valueMatches(HttpHeaders.WWW_AUTHENTICATE, "Basic.*");
        http.post().uri("/api/v1/auth/introspect").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("token", access)).exchange().expectStatus().isUnauthorized();
        http.post().uri("/api/v1/auth/introspect").header(HttpHeaders.AUTHORIZATION, "Bearer " + access)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("token", access)).exchange().expectStatus().isUnauthorized();

        http.post().uri("/api/v1/auth/logout").header(HttpHeaders.AUTHORIZATION, "Bearer " + access).exchange();
        introspect(access, INTROSPECTION_SECRET).expectStatus().isOk().expectBody().json("{\"active\":false}", true);
        introspect("garbage", INTROSPECTION_SECRET).expectStatus().isOk().expectBody().json("{\"active\":false}", true);
    }

    @Test
    void givenOnlyTheJwksUrl_anIndependentSpringResourceServerDecoderAcceptsOurTokens() {
        String access = (String) login(registered()).get("access_token");
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder
                .withJwkSetUri("http://localhost:" + port + "/.well-known/jwks.json").build();
        // Spring Security's own RFC 9068 validator: typ at+jwt, iss, aud, exp, iat, jti, sub and client_id.
        decoder.setJwtValidator(JwtValidators.createAtJwtValidator()
                .issuer("http://localhost:8080").audience("latchkey").clientId("latchkey").build());
        Jwt jwt = decoder.decode(access).block(Duration.ofSeconds(10));
        assertThat(jwt.getClaimAsString("sid")).isNotBlank();
        assertThat(jwt.getHeaders()).containsEntry("typ", "at+jwt");
    }

    @Test
    void givenForgedTokens_logoutIsRefusedAndTheSessionSurvives() throws Exception {
        String access = (String) login(registered()).get("access_token");
        SignedJWT real = SignedJWT.parse(access);
        JWTClaimsSet claims = real.getJWTClaimsSet();
        String sessionId = claims.getStringClaim("sid");
        RSAKey published = (RSAKey) JWKSet.parse(http.get().uri("/.well-known/jwks.json").exchange()
                .expectBody(String.class).returnResult().getResponseBody()).getKeys().get(0);
        RSAKey attacker = new RSAKeyGenerator(2048).keyID(published.getKeyID()).generate();
        RSAKey unknownKid = new RSAKeyGenerator(2048).keyID("unknown").generate();

        List<String> forgeries = List.of(
                Base64URL.encode("{\"alg\":\"none\",\"typ\":\"at+jwt\"}") + "." + claims.toPayload().toBase64URL() + ".",
                hs256(claims, published.getKeyID(), published.toRSAPublicKey().getEncoded()),
                rs256(claims, new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(published.getKeyID()), attacker),
                rs256(claims, new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("unknown"), unknownKid),
                rs256(claims, new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(published.getKeyID())
                        .jwkURL(URI.create("https://evil.example/jwks.json")), attacker),
                rs256(claims, new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(published.getKeyID())
                        .jwk(attacker.toPublicJWK()), attacker),
                rs256(new JWTClaimsSet.Builder(claims).expirationTime(Date.from(Instant.now().plusSeconds(86_400))).build(),
                        new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(published.getKeyID()), attacker),
                real.getParsedParts()[0] + "." + new JWTClaimsSet.Builder(claims).subject("00000000-0000-7000-8000-000000000000")
                        .build().toPayload().toBase64URL() + "." + real.getSignature());

        for (String forged : forgeries) {
            http.post().uri("/api/v1/auth/logout").header(HttpHeaders.AUTHORIZATION, "Bearer " + forged).exchange()
                    .expectStatus().isUnauthorized()
                    .expectBody().jsonPath("$.type").isEqualTo("urn:problem:auth:invalid-token");
        }
        assertThat(sessionRow(sessionId)).containsEntry("status", "ACTIVE");
        me(access).expectStatus().isOk();
    }

    private String registered() {
        String email = uniqueEmail();
        register(email);
        return email;
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec introspect(String token, String secret) {
        return http.post().uri("/api/v1/auth/introspect")
                .headers(h -> h.setBasicAuth(INTROSPECTION_CLIENT, secret))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("token", token))
                .exchange();
    }

    private static String hs256(JWTClaimsSet claims, String kid, byte[] secret) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(kid)
                .type(new JOSEObjectType("at+jwt")).build(), claims);
        jwt.sign(new MACSigner(secret));
        return jwt.serialize();
    }

    private static String rs256(JWTClaimsSet claims, JWSHeader.Builder header, RSAKey key) throws Exception {
        SignedJWT jwt = new SignedJWT(header.type(new JOSEObjectType("at+jwt")).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
