package io.latchkey.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * Only the canonical compact serialization of an issued token is accepted, on every path that takes a token
 * (bearer authentication, /auth/verify, introspection), and the Authorization header follows RFC 6750 to the
 * letter: one scheme (any case), one space, one method per request.
 */
class StrictTokenParsingIT extends IntegrationTest {

    private static final java.util.regex.Pattern B64TOKEN = java.util.regex.Pattern.compile("[A-Za-z0-9._~+/-]+=*");
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    @Test
    void givenNonCanonicalSpellingsOfALiveToken_everyPathRefusesThem_andTheTokenItselfStillWorks() {
        String token = liveTokenWithBothUrlSafeCharacters();
        List<String> variants = variantsOf(token);
        assertThat(variants).hasSizeGreaterThanOrEqualTo(15);
        for (String variant : variants) {
            http.post().uri("/api/v1/auth/verify").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("token", variant)).exchange()
                    .expectStatus().isUnauthorized()
                    .expectBody().jsonPath("$.type").isEqualTo("urn:problem:auth:invalid-token");
            introspect(variant).expectStatus().isOk().expectBody().json("{\"active\":false}", true);
            if (B64TOKEN.matcher(variant).matches()) {
                me(variant).expectStatus().isUnauthorized()
                        .expectHeader().valueMatches(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\".*")
                        .expectBody().jsonPath("$.type").isEqualTo("urn:problem:auth:invalid-token");
            } else if (variant.strip().equals(variant)) {
                // Whitespace, or '=' before the end, is not an RFC 6750 b64token at all: a malformed request.
                me(variant).expectStatus().isBadRequest()
                        .expectBody().jsonPath("$.type").isEqualTo("urn:problem:auth:invalid-request");
            }
        }
        me(token).expectStatus().isOk();
        introspect(token).expectStatus().isOk().expectBody().jsonPath("$.active").isEqualTo(true);
    }

    @Test
    void givenAuthorizationHeaderSpellings_onlyOneSchemeOneSpaceIsAccepted() {
        String token = accessTokenFor(registeredEmail());
        for (String scheme : List.of("Bearer", "bearer", "BEARER")) {
            http.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, scheme + " " + token).exchange()
                    .expectStatus().isOk();
        }
        for (String malformed : List.of("Bearer  " + token, "Bearer\t" + token, "Bearer", "Bearer " + token + " x")) {
            http.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, malformed).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader().valueMatches(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_request\".*")
                    .expectBody().jsonPath("$.type").isEqualTo("urn:problem:auth:invalid-request");
        }
    }

    @Test
    void givenTokenInTheQueryString_withOrWithoutTheHeader_theRequestIsRefusedNotSilentlyServed() {
        String token = accessTokenFor(registeredEmail());
        http.get().uri("/api/v1/me?access_token={t}", token).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().valueMatches(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_request\".*")
                .expectBody().jsonPath("$.type").isEqualTo("urn:problem:auth:invalid-request");
        http.get().uri("/api/v1/me?access_token={t}", token).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("urn:problem:auth:invalid-request");
        me(token).expectStatus().isOk();
    }

    private String registeredEmail() {
        String email = uniqueEmail();
        register(email);
        return email;
    }

    /** A live token holding a {@code -} and a {@code _}, so the {@code +} and {@code /} spellings exist. */
    private String liveTokenWithBothUrlSafeCharacters() {
        String email = registeredEmail();
        for (int attempt = 0; attempt < 20; attempt++) {
            String token = accessTokenFor(email);
            if (token.contains("-") && token.contains("_")) {
                return token;
            }
        }
        throw new IllegalStateException("no token with both - and _ in 20 logins");
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec introspect(String token) {
        return http.post().uri("/api/v1/auth/introspect")
                .headers(h -> h.setBasicAuth(INTROSPECTION_CLIENT, INTROSPECTION_SECRET))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("token", token))
                .exchange();
    }

    /** Spellings a lenient base64url decoder maps to the same bytes as {@code token}. */
    private static List<String> variantsOf(String token) {
        String[] parts = token.split("\\.");
        List<String> variants = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            variants.add(with(parts, i, parts[i] + "="));
            variants.add(with(parts, i, parts[i] + "=="));
            variants.add(with(parts, i, parts[i].substring(0, 4) + " " + parts[i].substring(4)));
            if (parts[i].length() % 4 != 0) {
                char last = parts[i].charAt(parts[i].length() - 1);
                char altered = ALPHABET.charAt(ALPHABET.indexOf(last) ^ 1);
                variants.add(with(parts, i, parts[i].substring(0, parts[i].length() - 1) + altered));
            }
        }
        variants.add(token.replaceFirst("-", "+"));
        variants.add(token.replaceFirst("_", "/"));
        variants.add(token.replace('-', '+').replace('_', '/'));
        variants.add(" " + token);
        variants.add(token + "\n");
        variants.removeIf(token::equals);
        return variants;
    }

    private static String with(String[] parts, int index, String replacement) {
        String[] copy = parts.clone();
        copy[index] = replacement;
        return String.join(".", copy);
    }
}
