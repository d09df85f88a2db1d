package io.latchkey.bootstrap.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.latchkey.domain.event.AuthEvent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** docs/asyncapi.yaml parses, names the default topic, and documents every event type the code can emit. */
class AsyncApiDocumentTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> document() throws IOException {
        try (InputStream in = Files.newInputStream(Path.of("..", "docs", "asyncapi.yaml"))) {
            return new Yaml().load(in);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void givenTheDocument_itDescribesTheTopicAndEveryEventType() throws IOException {
        Map<String, Object> doc = document();
        assertThat(doc.get("asyncapi")).isEqualTo("3.0.0");
        Map<String, Object> channels = (Map<String, Object>) doc.get("channels");
        assertThat(((Map<String, Object>) channels.get("authEvents")).get("address")).isEqualTo("latchkey.auth-events.v1");

        Map<String, Object> components = (Map<String, Object>) doc.get("components");
        Map<String, Object> messages = (Map<String, Object>) components.get("messages");
        Map<String, Object> headers = (Map<String, Object>) ((Map<String, Object>) components.get("schemas")).get("CloudEventHeaders");
        List<String> types = (List<String>) ((Map<String, Object>) ((Map<String, Object>) headers.get("properties"))
                .get("ce_type")).get("enum");

        assertThat(types).as("one documented type per AuthEvent record, plus the relay heartbeat")
                .hasSize(AuthEvent.class.getPermittedSubclasses().length + 1);
        assertThat(messages.values()).extracting(m -> ((Map<String, Object>) m).get("name")).containsAll(types);
        assertThat(types).containsExactlyInAnyOrder("io.latchkey.user.registered", "io.latchkey.user.email_verified",
                "io.latchkey.user.updated", "io.latchkey.user.password_changed", "io.latchkey.user.deleted",
                "io.latchkey.session.started", "io.latchkey.token.rotated", "io.latchkey.session.revoked",
                "io.latchkey.relay.heartbeat", "io.latchkey.user.mfa_enabled", "io.latchkey.user.mfa_disabled",
                "io.latchkey.user.identity_linked", "io.latchkey.user.identity_unlinked",
                "io.latchkey.user.passkey_added", "io.latchkey.user.passkey_removed");
        Map<String, Object> schemas = (Map<String, Object>) components.get("schemas");
        assertThat(String.valueOf(schemas.get("SessionRevoked"))).as("the epoch resource servers compare")
                .contains("account_epoch");
        assertThat(String.valueOf(schemas.get("RelayHeartbeat"))).contains("emitted_at");
    }
}
