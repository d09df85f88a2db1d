package io.latchkey.bootstrap.e2e;

import io.latchkey.adapters.web.security.IntrospectionClients;
import io.latchkey.testsupport.TestInfrastructure;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The whole application on a random port against real PostgreSQL, Redis and Kafka; one context shared by
 * every subclass. Tests use fresh emails, so they never depend on each other's data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "latchkey.token.signing.allow-ephemeral=true")
@AutoConfigureWebTestClient
public abstract class IntegrationTest {

    protected static final String PASSWORD = "correct horse battery staple";
    protected static final String INTROSPECTION_CLIENT = "billing";
    protected static final String INTROSPECTION_SECRET = "billing-service-secret-0123456789abcdef";

    @Autowired
    protected WebTestClient http;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.shared().registerProperties(registry);
        registry.add("latchkey.introspection.clients." + INTROSPECTION_CLIENT,
                () -> IntrospectionClients.hashOf(INTROSPECTION_SECRET));
    }

    protected static String uniqueEmail() {
        return "user-" + UUID.randomUUID() + "@example.com";
    }

    protected static Connection jdbc() throws SQLException {
        TestInfrastructure infra = TestInfrastructure.shared();
        return DriverManager.getConnection(infra.jdbcUrl(), infra.databaseUser(), infra.databasePassword());
    }

    protected void register(String email) {
        http.post().uri("/api/v1/accounts").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", PASSWORD))
                .exchange().expectStatus().isCreated();
    }

    @SuppressWarnings("unchecked")
    protected Map<String, Object> login(String email) {
        return http.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", PASSWORD))
                .exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    protected Map<String, Object> refresh(String refreshToken) {
        return http.post().uri("/api/v1/auth/refresh").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("refresh_token", refreshToken))
                .exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    protected WebTestClient.ResponseSpec me(String accessToken) {
        return http.get().uri("/api/v1/me").header("Authorization", "Bearer " + accessToken).exchange();
    }

    protected String accessTokenFor(String email) {
        return (String) login(email).get("access_token");
    }

    protected static String sessionIdOf(String accessToken) throws Exception {
        return com.nimbusds.jwt.SignedJWT.parse(accessToken).getJWTClaimsSet().getStringClaim("sid");
    }

    /** Moves a session's last rotation into the past, as if the grace window had elapsed. */
    protected static void ageRotation(String sessionId, Duration by) throws Exception {
        try (Connection c = jdbc(); PreparedStatement u = c.prepareStatement(
                "UPDATE sessions SET rotated_at = rotated_at - make_interval(secs => ?) WHERE id = ?::uuid")) {
            u.setLong(1, by.toSeconds());
            u.setString(2, sessionId);
            if (u.executeUpdate() != 1) {
                throw new IllegalStateException("no such session " + sessionId);
            }
        }
    }
}
