package io.latchkey.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * Every URL the discovery document publishes answers on the running service, doing what its name says; and
 * Latchkey does not pretend to be an OAuth authorization server.
 */
class DiscoveryDocumentIT extends IntegrationTest {

    private static final String ISSUER = "http://localhost:8080";

    @LocalServerPort
    int port;

    @Test
    @SuppressWarnings("unchecked")
    void givenDiscoveryDocument_everyPublishedUrlAnswersAsItsNameSays() {
        Map<String, Object> doc = http.get().uri("/.well-known/latchkey-configuration").exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(doc).containsEntry("issuer", ISSUER)
                .containsEntry("introspection_endpoint_auth_methods_supported", java.util.List.of("client_secret_basic"))
                .doesNotContainKeys("token_endpoint", "grant_types_supported", "response_types_supported",
                        "authorization_endpoint", "registration_endpoint");
        Set<String> urls = new TreeSet<>();
        doc.forEach((name, value) -> {
            if (name.endsWith("_endpoint") || name.endsWith("_uri")) {
                assertThat((String) value).as(name).startsWith(ISSUER + "/");
                urls.add(name);
            }
        });
        // A new URL in the document needs a check below.
        assertThat(urls).containsExactly("account_registration_endpoint", "introspection_endpoint", "jwks_uri",
                "login_endpoint", "logout_endpoint", "refresh_endpoint", "verify_endpoint");

        http.get().uri(local(doc, "jwks_uri")).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.keys[0].kid").exists();
        String email = uniqueEmail();
        http.post().uri(local(doc, "account_registration_endpoint")).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", PASSWORD)).exchange().expectStatus().isAccepted();
        Map<String, Object> tokens = http.post().uri(local(doc, "login_endpoint")).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", PASSWORD)).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        Map<String, Object> rotated = http.post().uri(local(doc, "refresh_endpoint")).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("refresh_token", tokens.get("refresh_token"))).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        String access = (String) rotated.get("access_token");
        http.post().uri(local(doc, "verify_endpoint")).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("token", access)).exchange().expectStatus().isOk();
        http.post().uri(local(doc, "introspection_endpoint"))
                .headers(h -> h.setBasicAuth(INTROSPECTION_CLIENT, INTROSPECTION_SECRET))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("token", access)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.active").isEqualTo(true);
        http.post().uri(local(doc, "logout_endpoint")).header(HttpHeaders.AUTHORIZATION, "Bearer " + access).exchange()
                .expectStatus().isNoContent();
        me(access).expectStatus().isUnauthorized();
    }

    @Test
    void givenPubliclyCacheableDocuments_requestedWithoutOrigin_theyStillVaryOnOrigin() {
        for (String path : java.util.List.of("/.well-known/latchkey-configuration", "/.well-known/jwks.json")) {
            http.get().uri(path).exchange()
                    .expectStatus().isOk()
                    .expectHeader().valueMatches(HttpHeaders.CACHE_CONTROL, ".*public.*")
                    .expectHeader().values(HttpHeaders.VARY, vary -> assertThat(vary).as(path).contains(HttpHeaders.ORIGIN));
        }
    }

    @Test
    void givenTheOAuthMetadataPath_itIsNotServed() {
        http.get().uri("/.well-known/oauth-authorization-server").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private String local(Map<String, Object> doc, String name) {
        return "http://localhost:" + port + ((String) doc.get(name)).substring(ISSUER.length());
    }
}
