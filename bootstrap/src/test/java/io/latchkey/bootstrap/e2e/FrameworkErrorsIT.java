package io.latchkey.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Errors Spring raises before a controller runs are problem+json with a stable type and a detail that says what
 * to send instead.
 */
class FrameworkErrorsIT extends IntegrationTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> problem(WebTestClient.ResponseSpec response, int status) {
        Map<String, Object> body = response.expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat((String) body.get("type")).startsWith("urn:problem:auth:");
        assertThat(body.get("status")).isEqualTo(status);
        assertThat((String) body.get("detail")).as("detail of %s", body).isNotBlank();
        return body;
    }

    @Test
    void givenDeleteMeWithoutABody_415SaysToSendJson() {
        String email = uniqueEmail();
        register(email);
        Map<String, Object> body = problem(http.delete().uri("/api/v1/me")
                .header("Authorization", "Bearer " + accessTokenFor(email)).exchange(), 415);
        assertThat((String) body.get("detail")).contains("Content-Type: application/json", "no Content-Type", "/v3/api-docs");
    }

    @Test
    void givenAJsonContentTypeButNoBody_400SaysTheBodyIsMissing() {
        Map<String, Object> body = problem(http.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .exchange(), 400);
        assertThat((String) body.get("detail")).contains("needs a JSON body", "none was sent");
    }

    @Test
    void givenMalformedJson_400SaysItIsNotValidJson() {
        Map<String, Object> body = problem(http.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"email\": ").exchange(), 400);
        assertThat((String) body.get("detail")).contains("not valid JSON");
        assertThat(body.get("type")).isEqualTo("urn:problem:auth:invalid-input");
    }

    @Test
    void givenTheWrongMethod_405NamesTheAllowedOnes() {
        String email = uniqueEmail();
        register(email);
        Map<String, Object> body = problem(http.get().uri("/api/v1/auth/logout")
                .header("Authorization", "Bearer " + accessTokenFor(email)).exchange(), 405);
        assertThat((String) body.get("detail")).contains("GET /api/v1/auth/logout is not allowed", "accepts POST");
    }

    @Test
    void givenAnAcceptHeaderTheEndpointCannotMeet_406NamesWhatItAnswers() {
        Map<String, Object> body = problem(http.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.TEXT_PLAIN).bodyValue(Map.of("email", uniqueEmail(), "password", PASSWORD)).exchange(), 406);
        assertThat((String) body.get("detail")).contains("application/json", "Accept");
    }

    @Test
    void givenAnUnknownPath_404PointsToTheApiDescription() {
        Map<String, Object> body = problem(http.get().uri("/.well-known/no-such-document").exchange(), 404);
        assertThat((String) body.get("detail")).contains("no endpoint GET /.well-known/no-such-document", "/v3/api-docs");
    }
}
