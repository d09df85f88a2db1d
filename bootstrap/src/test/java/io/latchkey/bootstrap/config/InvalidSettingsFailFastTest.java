package io.latchkey.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.latchkey.bootstrap.LatchkeyApplication;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A start with missing or unusable settings fails with one paragraph naming the setting and its document, before
 * it connects to anything: PostgreSQL, Redis, Kafka and SMTP are listening sockets here that count connections.
 */
@ExtendWith(OutputCaptureExtension.class)
class InvalidSettingsFailFastTest {

    private final List<Listener> servers = new ArrayList<>();

    @AfterEach
    void close() throws IOException {
        for (Listener server : servers) {
            server.socket.close();
        }
    }

    @Test
    void givenNoKeyMaterial_startFailsBeforeConnectingAnywhere_namingTheSettingAndTheDoc(CapturedOutput output) throws Exception {
        assertThatThrownBy(() -> run()).isInstanceOf(InvalidSettingException.class);

        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("The setting latchkey.token.signing.jwk-set (environment variable LATCHKEY_TOKEN_SIGNING_JWK_SET) is not set")
                .contains("See docs/keys.md.")
                .doesNotContain("\tat org.springframework");
        assertNoConnections();
    }

    @Test
    void givenAnUnusableJwkSet_startFailsNamingIt(CapturedOutput output) throws Exception {
        assertThatThrownBy(() -> run("--latchkey.token.signing.jwk-set={\"keys\":[{\"kty\":\"oct\",\"k\":\"AAAA\"}]}",
                "--latchkey.token.signing.active-kid=k1", "--latchkey.token.signing.refresh-secret=" + "A".repeat(44)))
                .isInstanceOf(InvalidSettingException.class);

        assertThat(output).contains("The setting latchkey.token.signing.jwk-set (environment variable "
                + "LATCHKEY_TOKEN_SIGNING_JWK_SET) cannot be used").contains("See docs/keys.md.");
        assertNoConnections();
    }

    @Test
    void givenAShortRefreshSecret_startFailsNamingIt(CapturedOutput output) throws Exception {
        assertThatThrownBy(() -> run("--latchkey.token.signing.allow-ephemeral=true",
                "--latchkey.token.signing.refresh-secret=c2hvcnQ="))
                .isInstanceOf(InvalidSettingException.class);

        assertThat(output).contains("The setting latchkey.token.signing.refresh-secret").contains("at least 32 bytes");
        assertNoConnections();
    }

    @Test
    void givenAnIssuerThatIsNoUrl_startFailsNamingIt(CapturedOutput output) throws Exception {
        assertThatThrownBy(() -> run("--latchkey.token.signing.allow-ephemeral=true", "--latchkey.token.issuer=auth.example.com"))
                .isInstanceOf(InvalidSettingException.class);

        assertThat(output).contains("The setting latchkey.token.issuer (environment variable LATCHKEY_ISSUER) is \"auth.example.com\"")
                .contains("See docs/operations.md.");
        assertNoConnections();
    }

    @Test
    void givenNativeClientIdsForAProviderWithoutIdTokens_startFailsNamingIt(CapturedOutput output) throws Exception {
        assertThatThrownBy(() -> run("--latchkey.token.signing.allow-ephemeral=true",
                "--latchkey.federation.providers.github.preset=github",
                "--latchkey.federation.providers.github.client-id=Iv1.example",
                "--latchkey.federation.providers.github.native-client-ids[0]=com.example.app"))
                .isInstanceOf(RuntimeException.class);

        assertThat(output).contains("latchkey.federation.providers.github.native-client-ids")
                .contains("issues no ID tokens");
    }

    @Test
    void givenAShedHoldLongerThanASecond_startFailsNamingIt(CapturedOutput output) throws Exception {
        assertThatThrownBy(() -> run("--latchkey.token.signing.allow-ephemeral=true", "--latchkey.password.shed-hold=5s"))
                .isInstanceOf(RuntimeException.class);

        assertThat(output).contains("latchkey.password.shed-hold must be between 0 and 1s, was PT5S");
        assertNoConnections();
    }

    @Test
    void givenAnAuditRetentionShorterThanADay_startFailsNamingIt(CapturedOutput output) throws Exception {
        assertThatThrownBy(() -> run("--latchkey.token.signing.allow-ephemeral=true", "--latchkey.audit.retention=90m"))
                .isInstanceOf(RuntimeException.class);

        assertThat(output).contains("latchkey.audit.retention").contains("LATCHKEY_AUDIT_RETENTION")
                .contains("at least 1d (it was PT1H30M)");
    }

    @Test
    void givenAMistypedDatabaseUrl_startFailsNamingIt(CapturedOutput output) throws Exception {
        assertThatThrownBy(() -> run("--latchkey.token.signing.allow-ephemeral=true",
                "--spring.r2dbc.url=postgresql://localhost:5432/latchkey"))
                .isInstanceOf(InvalidSettingException.class);

        assertThat(output).contains("The setting spring.r2dbc.url (environment variable LATCHKEY_R2DBC_URL)");
        assertNoConnections();
    }

    /** Starts the application with every server it would use pointed at a counting socket. */
    private void run(String... settings) throws IOException {
        Listener postgres = listen();
        Listener redis = listen();
        Listener kafka = listen();
        Listener smtp = listen();
        Map<String, String> arguments = new LinkedHashMap<>();
        arguments.put("server.port", "0");
        arguments.put("spring.r2dbc.url", "r2dbc:postgresql://127.0.0.1:" + postgres.port() + "/latchkey");
        arguments.put("spring.flyway.url", "jdbc:postgresql://127.0.0.1:" + postgres.port() + "/latchkey");
        arguments.put("spring.data.redis.host", "127.0.0.1");
        arguments.put("spring.data.redis.port", Integer.toString(redis.port()));
        arguments.put("spring.kafka.bootstrap-servers", "127.0.0.1:" + kafka.port());
        arguments.put("spring.mail.host", "127.0.0.1");
        arguments.put("spring.mail.port", Integer.toString(smtp.port()));
        for (String setting : settings) {
            arguments.put(setting.substring(2, setting.indexOf('=')), setting.substring(setting.indexOf('=') + 1));
        }
        String[] args = arguments.entrySet().stream().map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
                .toArray(String[]::new);
        new SpringApplication(LatchkeyApplication.class).run(args).close();
    }

    private Listener listen() throws IOException {
        Listener listener = new Listener(new ServerSocket(0), new AtomicInteger());
        servers.add(listener);
        Thread.ofVirtual().start(() -> {
            while (!listener.socket.isClosed()) {
                try (Socket ignored = listener.socket.accept()) {
                    listener.connections.incrementAndGet();
                } catch (SocketException closed) {
                    return;
                } catch (IOException e) {
                    return;
                }
            }
        });
        return listener;
    }

    private void assertNoConnections() {
        assertThat(servers).allSatisfy(server -> assertThat(server.connections).as("connections to port " + server.port()).hasValue(0));
    }

    private record Listener(ServerSocket socket, AtomicInteger connections) {

        int port() {
            return socket.getLocalPort();
        }
    }
}
