package io.latchkey.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The admin API with the first administrator created from configuration (see {@link IntegrationTest}). */
class AdminApiIT extends IntegrationTest {

    private String adminToken() throws Exception {
        // The administrator is set up once the application is ready; wait for it rather than race it.
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            var result = http.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("email", ADMIN_EMAIL, "password", ADMIN_PASSWORD)).exchange()
                    .expectBody(Map.class).returnResult();
            if (result.getStatus().value() == 200) {
                return (String) result.getResponseBody().get("access_token");
            }
            assertThat(System.nanoTime()).as("the configured administrator can log in").isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private WebTestClient.RequestHeadersSpec<?> asAdmin(WebTestClient.RequestHeadersSpec<?> request) throws Exception {
        return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken());
    }

    @Test
    void givenTheConfiguredAdministrator_itHasTheAdminRoleAndAVerifiedEmail() throws Exception {
        me(adminToken()).expectStatus().isOk().expectBody()
                .jsonPath("$.roles[?(@ == 'ADMIN')]").exists()
                .jsonPath("$.roles[?(@ == 'USER')]").exists()
                .jsonPath("$.email_verified").isEqualTo(true);
    }

    @Test
    void givenAnOrdinaryUser_theAdminApi_is403AndWithoutATokenIs401() {
        String email = uniqueEmail();
        register(email);
        http.get().uri("/api/v1/admin/users").header(HttpHeaders.AUTHORIZATION, "Bearer " + accessTokenFor(email))
                .exchange().expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        http.get().uri("/api/v1/admin/users").exchange().expectStatus().isUnauthorized();
        // The security rules match paths as the routing does: a spelling that reached the admin controllers would
        // have to meet the admin rule too.
        for (String spelling : new String[] {"/API/V1/ADMIN/USERS", "/api/v1/admin/users/", "/api/v1//admin/users",
            "/api/v1/admin;x=1/users", "/api/v1/admin/users;x=1"}) {
            http.get().uri(spelling).header(HttpHeaders.AUTHORIZATION, "Bearer " + accessTokenFor(email))
                    .exchange().expectStatus().value(status -> assertThat(status).as(spelling).isNotEqualTo(200));
        }
    }

    @Test
    void givenAQuery_list_findsMatchingAccountsPageByPageWithoutPasswordHashes() throws Exception {
        String tag = "tag" + System.nanoTime();
        for (int i = 0; i < 3; i++) {
            register(tag + "-" + i + "@example.com");
        }
        asAdmin(http.get().uri("/api/v1/admin/users?q={q}&page=0&size=2", tag.toUpperCase())).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(3)
                .jsonPath("$.items.length()").isEqualTo(2)
                .jsonPath("$.items[0].email").isEqualTo(tag + "-0@example.com")
                .jsonPath("$.items[0].status").isEqualTo("ACTIVE")
                .jsonPath("$.items[0].password_hash").doesNotExist();
        asAdmin(http.get().uri("/api/v1/admin/users?q={q}&page=1&size=2", tag)).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].email").isEqualTo(tag + "-2@example.com");
        asAdmin(http.get().uri("/api/v1/admin/users?size=1000")).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("size");
    }

    @Test
    void givenADisabledUser_itsTokensStopAtOnceAndLoginIs403UntilEnabled() throws Exception {
        String email = uniqueEmail();
        register(email);
        String token = accessTokenFor(email);
        String id = userId(email);
        me(token).expectStatus().isOk();

        asAdmin(http.post().uri("/api/v1/admin/users/{id}/disable", id)).exchange().expectStatus().isNoContent();
        me(token).expectStatus().isUnauthorized();
        http.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", PASSWORD)).exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo("urn:problem:auth:account-disabled");

        asAdmin(http.post().uri("/api/v1/admin/users/{id}/enable", id)).exchange().expectStatus().isNoContent();
        me(accessTokenFor(email)).expectStatus().isOk();
        assertThat(eventTypesOfUser(id)).contains("io.latchkey.user.updated");
    }

    @Test
    void givenARevocation_theUsersSessionsEndButItMayLogInAgain() throws Exception {
        String email = uniqueEmail();
        register(email);
        String token = accessTokenFor(email);
        asAdmin(http.delete().uri("/api/v1/admin/users/{id}/sessions", userId(email))).exchange()
                .expectStatus().isNoContent();
        me(token).expectStatus().isUnauthorized();
        me(accessTokenFor(email)).expectStatus().isOk();
    }

    @Test
    void givenTheAdministratorsOwnAccount_disableAndDelete_are400AndChangeNothing() throws Exception {
        String token = adminToken();
        String id = userId(ADMIN_EMAIL);
        for (var request : java.util.List.of(http.post().uri("/api/v1/admin/users/{id}/disable", id),
                http.delete().uri("/api/v1/admin/users/{id}", id))) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
                    .expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("id");
        }
        me(token).expectStatus().isOk();
    }

    @Test
    void givenADeletion_theAccountIsGoneAndAnUnknownIdIs404() throws Exception {
        String email = uniqueEmail();
        register(email);
        String token = accessTokenFor(email);
        String id = userId(email);
        asAdmin(http.delete().uri("/api/v1/admin/users/{id}", id)).exchange().expectStatus().isNoContent();
        me(token).expectStatus().isUnauthorized();
        assertThat(count("SELECT count(*) FROM users WHERE id = ?::uuid", id)).isZero();
        for (String unknown : new String[] {id, "not-a-uuid"}) {
            asAdmin(http.post().uri("/api/v1/admin/users/{id}/disable", unknown)).exchange()
                    .expectStatus().isNotFound()
                    .expectBody().jsonPath("$.type").isEqualTo("urn:problem:auth:user-not-found");
        }
    }
}
