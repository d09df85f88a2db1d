package io.latchkey.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** The audit trail end to end: what requests leave in it, and the two listings over HTTP. */
class AuditTrailApiIT extends IntegrationTest {

    private static final String BROWSER = "Mozilla/5.0 (AuditTrailApiIT)";

    @Test
    void givenALoginFromABrowser_myActivityShowsItWithDeviceAndAddress_andNothingOfAnotherAccount() {
        String email = uniqueEmail();
        String other = uniqueEmail();
        register(email);
        register(other);
        String token = loginFrom(email, "203.0.113.50");
        loginFrom(other, "203.0.113.51");
        http.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .header("X-Forwarded-For", "198.51.100.7").bodyValue(Map.of("email", email, "password", "not it at all"))
                .exchange().expectStatus().isUnauthorized();

        List<Map<String, Object>> items = items(activity(token, ""));

        assertThat(items).extracting(item -> item.get("type")).containsExactly("login.failed", "session.started");
        Map<String, Object> login = items.get(1);
        assertThat(login.get("user_agent")).isEqualTo(BROWSER);
        assertThat(login.get("ip_address")).isEqualTo("203.0.113.50");
        assertThat(login.get("session_id")).isNotNull();
        assertThat(items.get(0).get("ip_address")).isEqualTo("198.51.100.7");
        assertThat(items).noneMatch(item -> "203.0.113.51".equals(item.get("ip_address")));
    }

    @Test
    void givenAFailedLoginAtAnAddressWithoutAccount_itIsStoredUnderAKeyedDigest_neverTheAddress() throws Exception {
        String nobody = uniqueEmail();
        http.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .header("X-Forwarded-For", "192.0.2.99").bodyValue(Map.of("email", nobody, "password", "secret guess 1"))
                .exchange().expectStatus().isUnauthorized();

        try (Connection c = jdbc(); PreparedStatement q = c.prepareStatement("""
                SELECT user_id, detail->>'address_digest' AS digest, detail::text AS detail FROM audit_events
                 WHERE type = 'login.failed' AND ip_address = '192.0.2.99' AND detail::text LIKE ?""")) {
            q.setString(1, "%" + "\"address_digest\"" + "%");
            try (ResultSet rs = q.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("user_id")).isNull();
                assertThat(rs.getString("digest")).matches("[0-9a-f]{64}")
                        .isNotEqualTo(io.latchkey.domain.model.token.Sha256.hex(nobody));
                assertThat(rs.getString("detail")).doesNotContain(nobody).doesNotContain("secret guess");
            }
        }
        try (Connection c = jdbc(); PreparedStatement q = c.prepareStatement(
                "SELECT count(*) FROM audit_events WHERE detail::text LIKE ? OR user_agent LIKE ?")) {
            q.setString(1, "%" + nobody + "%");
            q.setString(2, "%" + nobody + "%");
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                assertThat(rs.getInt(1)).isZero();
            }
        }
    }

    @Test
    void givenAnAdministratorDisablingAnAccount_theAuditNamesThemAsActor_andFiltersAndCursorPagesWork() throws Exception {
        String email = uniqueEmail();
        register(email);
        String id = userId(email);
        for (int i = 0; i < 3; i++) {
            loginFrom(email, "203.0.113." + (60 + i));
        }
        String admin = adminToken();
        String adminId = userId(ADMIN_EMAIL);
        http.post().uri("/api/v1/admin/users/{id}/disable", id).header(HttpHeaders.AUTHORIZATION, "Bearer " + admin)
                .header(HttpHeaders.USER_AGENT, "admin-console").exchange().expectStatus().isNoContent();

        List<Map<String, Object>> updates = items(audit(admin, "?user=" + id + "&type=user.updated"));
        assertThat(updates).singleElement().satisfies(update -> {
            assertThat(update.get("actor_id")).isEqualTo(adminId);
            assertThat(update.get("user_id")).isEqualTo(id);
            assertThat(update.get("user_agent")).isEqualTo("admin-console");
            assertThat(detailOf(update)).containsEntry("changes", List.of("status"));
        });

        http.post().uri("/api/v1/admin/users/{id}/enable", id).header(HttpHeaders.AUTHORIZATION, "Bearer " + admin)
                .header(HttpHeaders.USER_AGENT, "admin-console").exchange().expectStatus().isNoContent();
        List<Map<String, Object>> seenByUser = items(activity(accessTokenFor(email), "?size=100")).stream()
                .filter(item -> "user.updated".equals(item.get("type"))).toList();
        assertThat(seenByUser).isNotEmpty().allSatisfy(item -> {
            assertThat(item.get("actor_id")).isEqualTo("administrator");
            assertThat(item.get("ip_address")).isNull();
            assertThat(item.get("user_agent")).isNull();
        });

        List<Object> paged = new ArrayList<>();
        String cursor = null;
        do {
            Map<String, Object> page = audit(admin, "?user=" + id + "&size=2" + (cursor == null ? "" : "&cursor=" + cursor));
            items(page).forEach(item -> paged.add(item.get("id")));
            cursor = (String) page.get("next_cursor");
        } while (cursor != null);
        List<Map<String, Object>> all = items(audit(admin, "?user=" + id + "&size=200"));
        assertThat(paged).containsExactlyElementsOf(all.stream().map(item -> item.get("id")).toList());
        assertThat(all).extracting(item -> item.get("type"))
                .containsSubsequence("session.started", "user.updated", "user.updated", "session.started", "session.started", "session.started",
                        "user.registered");

        java.time.Instant now = java.time.Instant.now();
        assertThat(items(audit(admin, "?user=" + id + "&from=" + now.minus(Duration.ofMinutes(10)) + "&to="
                + now.plus(Duration.ofDays(1)) + "&size=200"))).hasSameSizeAs(all);
        assertThat(items(audit(admin, "?user=" + id + "&from=" + now.plus(Duration.ofDays(1))))).isEmpty();
        assertThat(items(audit(admin, "?user=" + id + "&to=" + now.minus(Duration.ofDays(1))))).isEmpty();
    }

    @Test
    void givenACallerWithoutTheAdminRole_theAuditIsRefused_andBadParametersAreProblems() throws Exception {
        String email = uniqueEmail();
        register(email);
        String user = accessTokenFor(email);
        http.get().uri("/api/v1/admin/audit").header(HttpHeaders.AUTHORIZATION, "Bearer " + user).exchange()
                .expectStatus().isForbidden();

        String admin = adminToken();
        for (String bad : List.of("?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", "?type=NotAType",
                "?cursor=bm90LWEtY3Vyc29y", "?user=42", "?size=0", "?from=yesterday")) {
            http.get().uri("/api/v1/admin/audit" + bad).header(HttpHeaders.AUTHORIZATION, "Bearer " + admin).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.errors[0].field").exists();
        }
        http.get().uri("/api/v1/me/activity?cursor=not-a-cursor!").header(HttpHeaders.AUTHORIZATION, "Bearer " + user).exchange()
                .expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private String loginFrom(String email, String address) {
        return (String) http.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .header("X-Forwarded-For", address).header(HttpHeaders.USER_AGENT, BROWSER)
                .bodyValue(Map.of("email", email, "password", PASSWORD))
                .exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("access_token");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> activity(String token, String query) {
        return http.get().uri("/api/v1/me/activity" + query).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> audit(String token, String query) {
        return http.get().uri("/api/v1/admin/audit" + query).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> detailOf(Map<String, Object> item) {
        return (Map<String, Object>) item.get("detail");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("items");
    }

    private String adminToken() throws Exception {
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
}
