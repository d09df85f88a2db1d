package io.latchkey.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.TestPropertySource;

/**
 * {@code latchkey.mfa.required-for-admins=true} as the README documents it: an administrator who signed in with the
 * password alone keeps their own account but not the admin API, and their token leaves ADMIN out; a step-up with a
 * second factor (here a passkey the administrator registers) brings the role back.
 */
@TestPropertySource(properties = "latchkey.mfa.required-for-admins=true")
class AdminMfaPolicyIT extends IntegrationTest {

    @Test
    void givenAdminWithPasswordAlone_theAdminApiRefuses_untilAStepUpWithASecondFactor() throws Exception {
        PasskeyClient passkeys = new PasskeyClient(http);
        // The administrator is set up once the application is ready; wait for it rather than race it.
        await().atMost(Duration.ofSeconds(20)).until(() -> http.post().uri("/api/v1/auth/login")
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", ADMIN_EMAIL, "password", ADMIN_PASSWORD)).exchange()
                .expectBody().returnResult().getStatus().value() == 200);
        String passwordOnly = (String) passkeys.call(HttpMethod.POST, "/api/v1/auth/login", null,
                Map.of("email", ADMIN_EMAIL, "password", ADMIN_PASSWORD), 200).get("access_token");

        assertThat(SignedJWT.parse(passwordOnly).getJWTClaimsSet().getStringListClaim("roles")).doesNotContain("ADMIN");
        assertThat(passkeys.call(HttpMethod.GET, "/api/v1/admin/users", passwordOnly, null, 403))
                .containsEntry("type", "urn:problem:auth:forbidden");
        me(passwordOnly).expectStatus().isOk();

        SoftwareAuthenticator authenticator = new SoftwareAuthenticator();
        String passkeyId = (String) passkeys.register(passwordOnly, authenticator, "Admin key").get("id");
        String stepped = passkeys.stepUp(passwordOnly, authenticator);
        try {
            assertThat(SignedJWT.parse(stepped).getJWTClaimsSet().getStringListClaim("roles")).contains("ADMIN");
            passkeys.call(HttpMethod.GET, "/api/v1/admin/users?size=1", stepped, null, 200);
        } finally {
            // The administrator account is shared with the other tests: leave it without a factor.
            passkeys.call(HttpMethod.DELETE, "/api/v1/me/passkeys/" + passkeyId, stepped, null, 204);
        }
    }
}
