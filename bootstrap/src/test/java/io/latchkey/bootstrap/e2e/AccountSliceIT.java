package io.latchkey.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** Register, login, /me and JWKS through every layer, and the problem+json answer to every bad input. */
class AccountSliceIT extends IntegrationTest {

    @Test
    void givenNewEmail_register_returns202WithoutPasswordAndStoresArgon2idHash() throws Exception {
        String email = uniqueEmail();
        http.post().uri("/api/v1/accounts").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email.toUpperCase(), "password", PASSWORD, "first_name", "Ada", "last_name", "Lovelace"))
                .exchange()
                .expectStatus().isAccepted()
                .expectBody()
                .jsonPath("$.message").isEqualTo("If this address can be registered, a verification code is on its way to it.")
                .jsonPath("$.password").doesNotExist();

        try (Connection c = jdbc(); PreparedStatement q = c.prepareStatement(
                "SELECT password_hash, first_name, last_name, email_verified, email FROM users WHERE email_key = ?")) {
            q.setString(1, email);
            try (ResultSet rs = q.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain(PASSWORD);
                assertThat(rs.getString(2)).isEqualTo("Ada");
                assertThat(rs.getString(3)).isEqualTo("Lovelace");
                assertThat(rs.getBoolean(4)).isFalse();
                assertThat(rs.getString(5)).as("the address as registered").isEqualTo(email.toUpperCase());
            }
        }
    }

    @Test
    void givenRegisteredAccount_loginThenMe_returnsTokensAndProfile() {
        String email = uniqueEmail();
        register(email);
        Map<String, Object> tokens = login(email);
        assertThat(tokens).containsEntry("token_type", "Bearer").containsEntry("expires_in", 900);
        assertThat((String) tokens.get("access_token")).matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");
        assertThat((String) tokens.get("refresh_token")).hasSizeGreaterThanOrEqualTo(43);

        http.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.get("access_token"))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.email").isEqualTo(email).jsonPath("$.roles[0]").isEqualTo("USER");
    }

    @Test
    void givenLogin_response_isNeverCached() {
        String email = uniqueEmail();
        register(email);
        http.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", PASSWORD))
                .exchange().expectStatus().isOk()
                .expectHeader().valueMatches(HttpHeaders.CACHE_CONTROL, ".*no-store.*");
    }

    @Test
    void givenJwksRequest_jwks_publishesOnlyPublicRsaKeys() {
        http.get().uri("/.well-known/jwks.json").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.keys[0].kty").isEqualTo("RSA")
                .jsonPath("$.keys[0].alg").isEqualTo("RS256")
                .jsonPath("$.keys[0].kid").isNotEmpty()
                .jsonPath("$.keys[0].n").isNotEmpty()
                .jsonPath("$.keys[0].d").doesNotExist()
                .jsonPath("$.keys[0].p").doesNotExist();
    }

    @Test
    void givenMalformedJson_register_is400ProblemAndStoresNothing() throws Exception {
        long before = userCount();
        http.post().uri("/api/v1/accounts").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"email\": ")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:problem:auth:invalid-input").jsonPath("$.status").isEqualTo(400);
        assertThat(userCount()).isEqualTo(before);
    }

    @Test
    void givenMissingFields_register_is400NamingEachField() {
        http.post().uri("/api/v1/accounts").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'email')].message").isEqualTo("is required")
                .jsonPath("$.errors[?(@.field == 'password')].message").isEqualTo("is required");
    }

    @Test
    void givenInvalidEmailAndWeakPassword_register_is400NamingBothAndStoresNothing() throws Exception {
        long before = userCount();
        http.post().uri("/api/v1/accounts").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", "not-an-email", "password", "password123"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors.length()").isEqualTo(2)
                .jsonPath("$.errors[?(@.field == 'email')]").exists()
                .jsonPath("$.errors[?(@.field == 'password')].message").isEqualTo("is too common; choose another password");
        http.post().uri("/api/v1/accounts").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", uniqueEmail(), "password", "short"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("password");
        assertThat(userCount()).isEqualTo(before);
    }

    @Test
    void givenWrongPasswordOrUnknownEmail_login_answersTheSame401() {
        String email = uniqueEmail();
        register(email);
        byte[] wrongPassword = http.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", "not the password"))
                .exchange().expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().returnResult().getResponseBody();
        byte[] unknownEmail = http.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", uniqueEmail(), "password", "not the password"))
                .exchange().expectStatus().isUnauthorized()
                .expectBody().returnResult().getResponseBody();
        assertThat(new String(unknownEmail)).isEqualTo(new String(wrongPassword)).contains("invalid-credentials");
    }

    @Test
    void givenNoToken_me_is401WithBearerChallenge() {
        http.get().uri("/api/v1/me").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void givenGarbageOrTamperedToken_me_is401InvalidToken() {
        String email = uniqueEmail();
        register(email);
        String token = accessTokenFor(email);
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        for (String bad : new String[] {"garbage", tampered, "a".repeat(5000)}) {
            http.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + bad).exchange()
                    .expectStatus().isUnauthorized()
                    .expectHeader().valueMatches(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\".*")
                    .expectBody().jsonPath("$.type").isEqualTo("urn:problem:auth:invalid-token");
        }
    }

    @Test
    void givenWrongContentType_register_is415ProblemWithAStableType() {
        http.post().uri("/api/v1/accounts").contentType(MediaType.TEXT_PLAIN).bodyValue("email=a@b.io")
                .exchange()
                .expectStatus().isEqualTo(415)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:problem:auth:unsupported-media-type");
    }

    private static long userCount() throws Exception {
        try (Connection c = jdbc(); ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM users")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
