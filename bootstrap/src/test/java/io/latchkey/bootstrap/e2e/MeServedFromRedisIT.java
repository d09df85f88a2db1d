package io.latchkey.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.latchkey.domain.model.user.UserId;
import io.latchkey.domain.port.AuthCache;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * After the first call, /me and the session check behind it are answered from the caches (near cache, Redis):
 * with the users table locked or the row changed underneath, the cached answer stands until they are purged.
 */
class MeServedFromRedisIT extends IntegrationTest {

    @Autowired
    AuthCache cache;

    @Test
    void givenCachedProfile_meAnswersWhileUsersTableIsLockedAndRowChanged_untilPurged() throws Exception {
        String email = uniqueEmail();
        register(email);
        String token = accessTokenFor(email);
        String userId = me(http, token).get("id").toString();
        WebTestClient impatient = http.mutate().responseTimeout(Duration.ofSeconds(2)).build();

        try (Connection db = jdbc()) {
            try (PreparedStatement update = db.prepareStatement("UPDATE users SET first_name = 'Changed' WHERE id = ?::uuid")) {
                update.setString(1, userId);
                assertThat(update.executeUpdate()).isEqualTo(1);
            }
            db.setAutoCommit(false);
            db.createStatement().execute("LOCK TABLE users IN ACCESS EXCLUSIVE MODE");

            Map<String, Object> whileLocked = me(impatient, token);
            assertThat(whileLocked.get("first_name")).as("answered from cache, not the changed row").isNull();

            cache.evictUser(UserId.parse(userId)).block();
            assertThatThrownBy(() -> me(impatient, token))
                    .as("with the cache purged the answer has to wait for the locked table")
                    .hasMessageContaining("Timeout");
            db.rollback();
        }
        assertThat(me(http, token).get("first_name")).isEqualTo("Changed");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> me(WebTestClient client, String token) {
        return client.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }
}
