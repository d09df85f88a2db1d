package io.latchkey.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The passkey endpoints as a web app's script calls them, for the tests. */
final class PasskeyClient {

    private final WebTestClient http;

    PasskeyClient(WebTestClient http) {
        this.http = http;
    }

    /** Calls {@code uri} (with the access token when given), asserts the status, returns the JSON body. */
    @SuppressWarnings("unchecked")
    Map<String, Object> call(HttpMethod method, String uri, String accessToken, Object body, int expected) {
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

    /** Registers {@code authenticator}'s credential on the caller's account; the new passkey. */
    Map<String, Object> register(String accessToken, SoftwareAuthenticator authenticator, String name) {
        Map<String, Object> options = registrationOptions(accessToken);
        return call(HttpMethod.POST, "/api/v1/me/passkeys", accessToken,
                Map.of("name", name, "credential", authenticator.create(options)), 201);
    }

    Map<String, Object> registrationOptions(String accessToken) {
        return call(HttpMethod.POST, "/api/v1/me/passkeys/registration-options", accessToken, null, 200);
    }

    Map<String, Object> signInOptions() {
        return call(HttpMethod.POST, "/api/v1/auth/passkeys/options", null, null, 200);
    }

    Map<String, Object> mfaOptions(String mfaToken) {
        return call(HttpMethod.POST, "/api/v1/auth/mfa/passkey-options", null, Map.of("mfa_token", mfaToken), 200);
    }

    Map<String, Object> stepUpOptions(String accessToken) {
        return call(HttpMethod.POST, "/api/v1/me/step-up/passkey-options", accessToken, null, 200);
    }

    /** A passwordless sign-in with {@code authenticator}; the answer's body, asserting {@code expected}. */
    Map<String, Object> signIn(SoftwareAuthenticator authenticator, int expected) {
        return call(HttpMethod.POST, "/api/v1/auth/passkeys", null,
                Map.of("credential", authenticator.get(signInOptions())), expected);
    }

    /** A step-up of the caller's session with {@code authenticator}: the new access token. */
    String stepUp(String accessToken, SoftwareAuthenticator authenticator) {
        return (String) call(HttpMethod.POST, "/api/v1/me/step-up", accessToken,
                Map.of("passkey", authenticator.get(stepUpOptions(accessToken))), 200).get("access_token");
    }
}
