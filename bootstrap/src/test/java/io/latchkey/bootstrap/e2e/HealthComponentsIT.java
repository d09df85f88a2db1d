package io.latchkey.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * With actuator on its own port and components shown (the two settings the chart's ConfigMap adds, checked by
 * HelmChartTest), {@code /actuator/health} names each dependency's status, without details, and every component
 * docs/operations.md tells operators to look for is there.
 */
@TestPropertySource(properties = {"management.server.port=0", "management.endpoint.health.show-components=always"})
class HealthComponentsIT extends IntegrationTest {

    @Value("${local.management.port}")
    private int managementPort;

    private WebTestClient management() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + managementPort).build();
    }

    @Test
    @SuppressWarnings("unchecked")
    void givenTheManagementPort_healthShowsEveryDependencyWithoutDetails() throws IOException {
        Map<String, Object> health = management().get().uri("/actuator/health").exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        Map<String, Map<String, Object>> components = (Map<String, Map<String, Object>>) health.get("components");

        assertThat(components).containsKeys("r2dbc", "redis", "kafka", "livenessState", "readinessState");
        assertThat(components).containsKeys(documentedComponents().toArray(String[]::new));
        components.forEach((name, component) -> {
            assertThat(component.get("status")).as(name).isEqualTo("UP");
            assertThat(component).as("%s shows no details", name).doesNotContainKey("details");
        });
    }

    @Test
    void givenTheApiPort_actuatorIsNotServedThere() {
        http.get().uri("/actuator/health").exchange().expectStatus().isNotFound();
    }

    /** Every {@code `name` DOWN in `/actuator/health`} that docs/operations.md tells operators to look for. */
    private static Set<String> documentedComponents() throws IOException {
        String operations = Files.readString(Path.of("..", "docs", "operations.md"));
        Matcher matcher = Pattern.compile("`([A-Za-z0-9]+)` DOWN in `/actuator/health`").matcher(operations);
        Set<String> names = new LinkedHashSet<>();
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        assertThat(names).as("components named in docs/operations.md").contains("r2dbc", "kafka");
        return names;
    }
}
