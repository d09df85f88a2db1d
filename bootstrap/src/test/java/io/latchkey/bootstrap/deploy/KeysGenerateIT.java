package io.latchkey.bootstrap.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.latchkey.bootstrap.BootJar;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import io.latchkey.bootstrap.LatchkeyApplication;
import io.latchkey.testsupport.TestInfrastructure;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The packaged jar's {@code keys generate}, run as docs/keys.md runs it (no servers, no configuration), writes
 * key material the service starts with: it signs with the generated key, and its JWKS verifies the tokens.
 */
class KeysGenerateIT {

    private static final String KID = "keys-it-1";

    @Test
    void givenGeneratedKeys_theServiceSignsWithThemAndItsJwksVerifiesTheTokens() throws Exception {
        Path out = Files.createTempDirectory("latchkey-keys-");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process command = new ProcessBuilder(java, "-jar", BootJar.path().toString(), "keys", "generate", "--kid", KID,
                "--out", out.toString()).redirectErrorStream(true).start();
        assertThat(command.waitFor(60, TimeUnit.SECONDS)).as("runs without starting the service").isTrue();
        String console = new String(command.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(command.exitValue()).as(console).isZero();
        assertThat(console).contains("--set keys.activeKid=" + KID).doesNotContain("Started LatchkeyApplication");

        Map<String, String> properties = new HashMap<>(TestInfrastructure.shared().properties());
        properties.put("server.port", "0");
        properties.put("latchkey.events.consumers-enabled", "false");
        properties.put("latchkey.token.signing.allow-ephemeral", "false");
        properties.put("latchkey.token.signing.jwk-set-file", out.resolve("jwks.json").toString());
        properties.put("latchkey.token.signing.active-kid", KID);
        properties.put("latchkey.token.signing.refresh-secret", Files.readString(out.resolve("refresh-secret")));
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(LatchkeyApplication.class).run(args)) {
            WebTestClient http = WebTestClient.bindToServer()
                    .baseUrl("http://localhost:" + app.getEnvironment().getProperty("local.server.port")).build();
            String email = "keys-" + UUID.randomUUID() + "@example.com";
            Map<String, String> credentials = Map.of("email", email, "password", "correct horse battery staple");
            http.post().uri("/api/v1/accounts").contentType(MediaType.APPLICATION_JSON).bodyValue(credentials)
                    .exchange().expectStatus().isAccepted();
            Map<?, ?> tokens = http.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(credentials).exchange().expectStatus().isOk()
                    .expectBody(Map.class).returnResult().getResponseBody();
            SignedJWT token = SignedJWT.parse((String) tokens.get("access_token"));
            String jwks = http.get().uri("/.well-known/jwks.json").exchange().expectStatus().isOk()
                    .expectBody(String.class).returnResult().getResponseBody();

            assertThat(token.getHeader().getKeyID()).isEqualTo(KID);
            RSAKey published = (RSAKey) JWKSet.parse(jwks).getKeyByKeyId(KID);
            assertThat(published.isPrivate()).isFalse();
            assertThat(token.verify(new RSASSAVerifier(published))).isTrue();
            http.get().uri("/api/v1/me").header("Authorization", "Bearer " + token.serialize()).exchange()
                    .expectStatus().isOk();
            Map<?, ?> refreshed = http.post().uri("/api/v1/auth/refresh").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("refresh_token", tokens.get("refresh_token"))).exchange().expectStatus().isOk()
                    .expectBody(Map.class).returnResult().getResponseBody();
            assertThat(refreshed.get("access_token")).isInstanceOf(String.class);
        }
    }

}
