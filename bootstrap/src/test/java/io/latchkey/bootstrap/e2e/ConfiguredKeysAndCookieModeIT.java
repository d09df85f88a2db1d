package io.latchkey.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * A deployment with configured keys (an active key and a retired one still published) and cookie mode on:
 * a second application context on the same servers.
 */
class ConfiguredKeysAndCookieModeIT extends IntegrationTest {

    private static final RSAKey RETIRED = rsa("2026-01");
    private static final RSAKey ACTIVE = rsa("2026-02");

    @DynamicPropertySource
    static void keys(DynamicPropertyRegistry registry) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        registry.add("latchkey.token.signing.allow-ephemeral", () -> "false");
        registry.add("latchkey.token.signing.jwk-set", () -> new JWKSet(List.of(ACTIVE, RETIRED.toPublicJWK())).toString(false));
        registry.add("latchkey.token.signing.active-kid", ACTIVE::getKeyID);
        registry.add("latchkey.token.signing.refresh-secret", () -> Base64.getEncoder().encodeToString(secret));
        registry.add("latchkey.token.cookie.enabled", () -> "true");
    }

    private static RSAKey rsa(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void givenConfiguredKeys_jwksPublishesActiveAndRetiredPublicKeysOnly() {
        http.get().uri("/.well-known/jwks.json").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.keys.length()").isEqualTo(2)
                .jsonPath("$.keys[?(@.kid == '2026-01')].n").isEqualTo(RETIRED.getModulus().toString())
                .jsonPath("$.keys[?(@.kid == '2026-02')]").exists()
                .jsonPath("$.keys[0].d").doesNotExist();
    }

    @Test
    void givenTokenSignedWithTheRetiredKey_itStillVerifies_whileAnUnknownKidDoesNot() throws Exception {
        String email = uniqueEmail();
        register(email);
        SignedJWT issued = SignedJWT.parse(accessTokenFor(email));
        assertThat(issued.getHeader().getKeyID()).isEqualTo("2026-02");

        me(resign(issued, RETIRED, "2026-01")).expectStatus().isOk();
        me(resign(issued, rsa("2025-12"), "2025-12")).expectStatus().isUnauthorized();
    }

    @Test
    void givenCookieMode_loginSetsHardenedCookies_andRefreshNeedsTheCsrfHeader() {
        String email = uniqueEmail();
        register(email);
        EntityExchangeResult<Map> login = http.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", PASSWORD))
                .exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult();
        assertThat(login.getResponseBody()).containsKey("access_token").doesNotContainKey("refresh_token");
        ResponseCookie refresh = login.getResponseCookies().getFirst("lk_refresh");
        ResponseCookie csrf = login.getResponseCookies().getFirst("lk_csrf");
        assertThat(refresh.isHttpOnly()).isTrue();
        assertThat(refresh.isSecure()).isTrue();
        assertThat(refresh.getSameSite()).isEqualTo("Strict");
        assertThat(refresh.getPath()).isEqualTo("/api/v1/auth");
        assertThat(csrf.isHttpOnly()).isFalse();

        http.post().uri("/api/v1/auth/refresh").cookie("lk_refresh", refresh.getValue()).cookie("lk_csrf", csrf.getValue())
                .exchange().expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo("urn:problem:auth:csrf-rejected");
        http.post().uri("/api/v1/auth/refresh").cookie("lk_refresh", refresh.getValue()).cookie("lk_csrf", csrf.getValue())
                .header("X-CSRF-Token", "forged").exchange().expectStatus().isForbidden();

        EntityExchangeResult<Map> rotated = http.post().uri("/api/v1/auth/refresh")
                .cookie("lk_refresh", refresh.getValue()).cookie("lk_csrf", csrf.getValue())
                .header("X-CSRF-Token", csrf.getValue())
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult();
        assertThat(rotated.getResponseCookies().getFirst("lk_refresh").getValue()).isNotEqualTo(refresh.getValue());

        http.post().uri("/api/v1/auth/logout")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + rotated.getResponseBody().get("access_token"))
                .exchange().expectStatus().isNoContent()
                .expectHeader().valueMatches(HttpHeaders.SET_COOKIE, "lk_refresh=;.*Max-Age=0.*");
    }

    private static String resign(SignedJWT token, RSAKey key, String kid) throws Exception {
        SignedJWT copy = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid)
                .type(new JOSEObjectType("at+jwt")).build(), token.getJWTClaimsSet());
        copy.sign(new RSASSASigner(key));
        return copy.serialize();
    }
}
