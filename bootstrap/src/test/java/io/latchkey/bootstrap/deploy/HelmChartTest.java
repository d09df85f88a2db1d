package io.latchkey.bootstrap.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The Helm chart lints and renders a deployable cluster setup, with defaults and with production-like values. */
class HelmChartTest {

    private static final Path CHART = Path.of("..", "deploy", "helm", "latchkey");

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> render(String valuesFile) {
        var template = new Helm(CHART).template().withName("lk").withKubeVersion("1.31.0");
        if (valuesFile != null) {
            template = template.withValuesFile(CHART.resolve(valuesFile));
        }
        String manifests = template.call();
        List<Map<String, Object>> objects = new ArrayList<>();
        StreamSupport.stream(new Yaml().loadAll(manifests).spliterator(), false)
                .filter(o -> o != null).forEach(o -> objects.add((Map<String, Object>) o));
        return objects;
    }

    private static List<Map<String, Object>> ofKind(List<Map<String, Object>> objects, String kind) {
        return objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
    }

    @SuppressWarnings("unchecked")
    private static <T> T at(Object root, String... path) {
        Object current = root;
        for (String step : path) {
            current = current instanceof List<?> list ? list.get(Integer.parseInt(step)) : ((Map<String, Object>) current).get(step);
        }
        return (T) current;
    }

    @Test
    void givenTheChart_strictLintPasses() {
        LintResult lint = new Helm(CHART).lint().strict().call();
        assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
    }

    @Test
    void givenDefaults_theDeploymentHasProbesOnTheManagementPortAndRunsHardened() {
        List<Map<String, Object>> objects = render(null);
        Map<String, Object> deployment = ofKind(objects, "Deployment").get(0);
        Map<String, Object> container = at(deployment, "spec", "template", "spec", "containers", "0");

        assertThat((String) at(container, "livenessProbe", "httpGet", "path")).isEqualTo("/actuator/health/liveness");
        assertThat((String) at(container, "readinessProbe", "httpGet", "path")).isEqualTo("/actuator/health/readiness");
        assertThat((String) at(container, "startupProbe", "httpGet", "path")).isEqualTo("/actuator/health/liveness");
        assertThat((String) at(container, "readinessProbe", "httpGet", "port")).isEqualTo("management");
        assertThat((Object) at(container, "lifecycle", "preStop")).isNotNull();
        assertThat((Boolean) at(container, "securityContext", "readOnlyRootFilesystem")).isTrue();
        assertThat((Boolean) at(deployment, "spec", "template", "spec", "securityContext", "runAsNonRoot")).isTrue();
        assertThat((Integer) at(deployment, "spec", "replicas")).isGreaterThanOrEqualTo(2);
        assertThat((Object) at(deployment, "spec", "template", "spec", "topologySpreadConstraints")).isNotNull();
        assertThat(ofKind(objects, "PodDisruptionBudget")).hasSize(1);
    }

    @Test
    void givenDefaults_noSecretIsRenderedAndTheConfigMapHoldsNoCredential() {
        List<Map<String, Object>> objects = render(null);
        assertThat(ofKind(objects, "Secret")).isEmpty();
        Map<String, Object> data = at(ofKind(objects, "ConfigMap").get(0), "data");
        assertThat(data.keySet()).noneMatch(key -> key.matches("(?i).*(password|secret|jaas|token_signing_refresh).*"));
        List<Map<String, Object>> env = at(ofKind(objects, "Deployment").get(0), "spec", "template", "spec", "containers", "0", "env");
        assertThat(env).filteredOn(e -> ((String) e.get("name")).matches(".*(PASSWORD|SECRET|JAAS).*"))
                .isNotEmpty()
                .allSatisfy(e -> assertThat((Object) at(e, "valueFrom", "secretKeyRef")).isNotNull());
    }

    @Test
    void givenProductionValues_itScalesSpreadsAndIsolates() {
        List<Map<String, Object>> objects = render("values-production.yaml");
        Map<String, Object> hpa = ofKind(objects, "HorizontalPodAutoscaler").get(0);
        assertThat((Integer) at(hpa, "spec", "minReplicas")).isGreaterThanOrEqualTo(2);
        assertThat((List<Object>) at(hpa, "spec", "metrics")).hasSize(2);
        assertThat((Object) at(ofKind(objects, "Deployment").get(0), "spec", "replicas")).as("the HPA owns replicas").isNull();
        assertThat(ofKind(objects, "PodDisruptionBudget")).hasSize(1);
        assertThat(ofKind(objects, "NetworkPolicy")).hasSize(1);
        assertThat(ofKind(objects, "ServiceMonitor")).hasSize(1);
        Map<String, Object> data = at(ofKind(objects, "ConfigMap").get(0), "data");
        assertThat(data).containsEntry("SPRING_DATA_REDIS_CLUSTER_NODES", "redis-0.redis:6379,redis-1.redis:6379,redis-2.redis:6379")
                .containsEntry("SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_SSL");
    }

    @Test
    @SuppressWarnings("unchecked")
    void givenCorsOriginsAndTls_theyArePassedThroughAsEnvironment() throws Exception {
        Path values = java.nio.file.Files.createTempFile("browser", ".yaml");
        values.toFile().deleteOnExit();
        java.nio.file.Files.writeString(values, """
                config:
                  corsAllowedOrigins: ["https://app.example.com", "https://admin.example.com:8443"]
                  behindTls: true
                  hstsMaxAge: 180d
                """);
        String manifests = new Helm(CHART).template().withName("lk").withKubeVersion("1.31.0").withValuesFile(values).call();
        Map<String, Object> configMap = StreamSupport.stream(new Yaml().loadAll(manifests).spliterator(), false)
                .map(o -> (Map<String, Object>) o).filter(o -> o != null && "ConfigMap".equals(o.get("kind"))).findFirst().orElseThrow();
        assertThat((Map<String, Object>) at(configMap, "data"))
                .containsEntry("LATCHKEY_HTTP_CORS_ALLOWED_ORIGINS", "https://app.example.com,https://admin.example.com:8443")
                .containsEntry("LATCHKEY_HTTP_BEHIND_TLS", "true")
                .containsEntry("LATCHKEY_HTTP_HSTS_MAX_AGE", "180d");
        Map<String, Object> defaults = at(ofKind(render(null), "ConfigMap").get(0), "data");
        assertThat(defaults).doesNotContainKey("LATCHKEY_HTTP_CORS_ALLOWED_ORIGINS").containsEntry("LATCHKEY_HTTP_BEHIND_TLS", "false");
        assertThatThrownBy(() -> new Helm(CHART).template().withName("lk").withKubeVersion("1.31.0")
                .set("config.corsAllowedOrigins[0]", "*").call()).isInstanceOf(Exception.class);
    }

    @Test
    void givenInvalidValues_theSchemaRejectsThem() {
        assertThatThrownBy(() -> new Helm(CHART).template().withName("lk").withKubeVersion("1.31.0").set("config.issuer", "not-a-url").call())
                .hasMessageContaining("issuer");
    }
}
