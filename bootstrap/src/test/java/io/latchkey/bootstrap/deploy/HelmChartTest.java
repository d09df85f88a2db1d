package io.latchkey.bootstrap.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/** The Helm chart lints and renders a deployable cluster setup, with defaults and with production-like values. */
class HelmChartTest {

    private static final Path CHART = Path.of("..", "deploy", "helm", "latchkey");

    /** The chart with a TLS Secret for the default https issuer, which it refuses to render without. */
    private static TemplateCommand template() {
        return new Helm(CHART).template().withName("lk").withKubeVersion("1.31.0").set("ingress.tlsSecret", "auth-tls");
    }

    private static List<Map<String, Object>> render(String valuesFile) {
        var template = template();
        if (valuesFile != null) {
            template = template.withValuesFile(CHART.resolve(valuesFile));
        }
        return parse(template);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> parse(TemplateCommand template) {
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
    void givenTheChart_strictLintPasses(@TempDir Path copy) throws IOException {
        // helm lint renders the default values, and those (an https issuer, no TLS Secret) are refused by design.
        try (var files = Files.walk(CHART)) {
            for (Path file : files.toList()) {
                Path target = copy.resolve(CHART.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        Path values = copy.resolve("values.yaml");
        Files.writeString(values, Files.readString(values).replace("tlsSecret: \"\"", "tlsSecret: \"auth-tls\""));
        LintResult lint = new Helm(copy).lint().strict().call();
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
        assertThat(data).as("health components on the management port only: the settings HealthComponentsIT runs with")
                .containsEntry("MANAGEMENT_SERVER_PORT", "8081").containsEntry("MANAGEMENT_ENDPOINT_HEALTH_SHOW_COMPONENTS", "always");
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
    void givenDefaults_oneIngressRoutesTheIssuerHostToTheApi_andActuatorHasItsOwnService() {
        List<Map<String, Object>> objects = render(null);
        Map<String, Object> ingress = ofKind(objects, "Ingress").get(0);
        assertThat(ofKind(objects, "Ingress")).as("config.trustedProxies: 1 counts exactly one").hasSize(1);
        assertThat((String) at(ingress, "spec", "rules", "0", "host")).isEqualTo("auth.example.com");
        Map<String, Object> backend = at(ingress, "spec", "rules", "0", "http", "paths", "0", "backend", "service");
        assertThat(backend).containsEntry("name", "lk-latchkey");
        assertThat((String) at(backend, "port", "name")).isEqualTo("http");

        List<Map<String, Object>> services = ofKind(objects, "Service");
        Map<String, Object> api = services.stream().filter(svc -> "lk-latchkey".equals(at(svc, "metadata", "name"))).findFirst().orElseThrow();
        List<Map<String, Object>> apiPorts = at(api, "spec", "ports");
        assertThat(apiPorts).extracting(port -> port.get("targetPort")).as("the API Service carries the API only").containsExactly("http");
        Map<String, Object> management = services.stream()
                .filter(svc -> "lk-latchkey-management".equals(at(svc, "metadata", "name"))).findFirst().orElseThrow();
        assertThat((String) at(management, "spec", "ports", "0", "targetPort")).isEqualTo("management");
        assertThat((String) at(management, "spec", "type")).isEqualTo("ClusterIP");
    }

    @Test
    void givenIngressValues_theIngressUsesTheClassHostAndTls_orIsLeftOut() {
        List<Map<String, Object>> objects = parse(template()
                .set("ingress.className", "nginx").set("ingress.host", "login.example.org").set("ingress.tlsSecret", "login-tls")
                .set("ingress.annotations.nginx\\.ingress\\.kubernetes\\.io/proxy-body-size", "64k"));
        Map<String, Object> ingress = ofKind(objects, "Ingress").get(0);
        assertThat((String) at(ingress, "spec", "ingressClassName")).isEqualTo("nginx");
        assertThat((String) at(ingress, "spec", "rules", "0", "host")).isEqualTo("login.example.org");
        assertThat((String) at(ingress, "spec", "tls", "0", "secretName")).isEqualTo("login-tls");
        assertThat((List<String>) at(ingress, "spec", "tls", "0", "hosts")).containsExactly("login.example.org");
        assertThat((Map<String, Object>) at(ingress, "metadata", "annotations")).containsEntry("nginx.ingress.kubernetes.io/proxy-body-size", "64k");

        assertThat(ofKind(parse(template().set("ingress.enabled", "false")),
                "Ingress")).isEmpty();
    }

    @Test
    void givenAMigrationSecret_onlyTheMigrateInitContainerHoldsItAndTheServingContainerRunsNoMigration() {
        List<Map<String, Object>> objects = parse(template()
                .set("postgresql.existingSecret", "pg-app").set("postgresql.migrationExistingSecret", "pg-migrate"));
        Map<String, Object> pod = at(ofKind(objects, "Deployment").get(0), "spec", "template", "spec");
        Map<String, Object> migrate = at(pod, "initContainers", "0");
        Map<String, Object> serving = at(pod, "containers", "0");

        assertThat(migrate.get("args")).isEqualTo(List.of("migrate"));
        assertThat(migrate.get("image")).isEqualTo(serving.get("image"));
        assertThat(secretsOf(migrate)).containsEntry("SPRING_FLYWAY_USER", "pg-migrate").containsEntry("SPRING_FLYWAY_PASSWORD", "pg-migrate")
                .doesNotContainValue("pg-app");
        assertThat(secretsOf(serving)).containsEntry("SPRING_R2DBC_USERNAME", "pg-app").containsEntry("SPRING_R2DBC_PASSWORD", "pg-app")
                .doesNotContainValue("pg-migrate").doesNotContainKeys("SPRING_FLYWAY_USER", "SPRING_FLYWAY_PASSWORD");
        List<Map<String, Object>> env = at(serving, "env");
        assertThat(env).contains(Map.of("name", "SPRING_FLYWAY_ENABLED", "value", "false"));
        assertThat((Boolean) at(migrate, "securityContext", "readOnlyRootFilesystem")).isTrue();
    }

    private static Map<String, String> secretsOf(Map<String, Object> container) {
        List<Map<String, Object>> env = at(container, "env");
        Map<String, String> secretOf = new LinkedHashMap<>();
        env.stream().filter(e -> e.get("valueFrom") != null && at(e, "valueFrom", "secretKeyRef") != null)
                .forEach(e -> secretOf.put((String) e.get("name"), at(e, "valueFrom", "secretKeyRef", "name")));
        return secretOf;
    }

    @Test
    void givenDefaults_theImageIsWhatTheDocumentedBuildTagsLocally() throws IOException {
        Map<String, Object> container = at(ofKind(render(null), "Deployment").get(0), "spec", "template", "spec", "containers", "0");
        String appVersion = (String) new Yaml().<Map<String, Object>>load(Files.readString(CHART.resolve("Chart.yaml"))).get("appVersion");
        assertThat(container.get("image")).isEqualTo("latchkey:" + appVersion);
        assertThat(Files.readString(Path.of("..", "docs", "operations.md"))).contains("docker build -f deploy/Dockerfile -t latchkey:" + appVersion + " .");
    }

    /** The install line of docs/operations.md, rendered as written: the docs walk a new user to a clean render. */
    @Test
    void givenTheDocumentedInstallLine_itRendersWithThePushedImageTheIngressAndTheGeneratedKeys() throws IOException {
        String operations = Files.readString(Path.of("..", "docs", "operations.md"));
        Map<String, String> values = documentedInstallValues(operations);
        TemplateCommand template = new Helm(CHART).template().withName("latchkey").withKubeVersion("1.31.0");
        values.forEach(template::set);
        List<Map<String, Object>> objects = parse(template);

        Map<String, Object> container = at(ofKind(objects, "Deployment").get(0), "spec", "template", "spec", "containers", "0");
        String image = values.get("image.repository") + ":" + values.get("image.tag");
        assertThat(container.get("image")).isEqualTo(image);
        assertThat(operations).contains("docker build -f deploy/Dockerfile -t " + image + " .", "docker push " + image);
        assertThat(values).containsEntry("keys.activeKid", io.latchkey.bootstrap.cli.KeysCommand.DEFAULT_KID);
        assertThat(operations).contains("keys generate --out latchkey-keys",
                "--from-file=jwks.json=latchkey-keys/jwks.json --from-file=refresh-secret=latchkey-keys/refresh-secret");
        Map<String, Object> data = at(ofKind(objects, "ConfigMap").get(0), "data");
        assertThat(data).containsEntry("LATCHKEY_TOKEN_SIGNING_ACTIVE_KID", "signing-key-1")
                .containsEntry("LATCHKEY_EVENTS_REPLICATION_FACTOR", "1");
        assertThat((String) at(ofKind(objects, "Ingress").get(0), "spec", "rules", "0", "host")).isEqualTo("auth.example.com");
    }

    @Test
    void givenAReplicationFactorAboveOne_theInstallNotesWarnAboutASmallKafka() {
        String warned = new Helm(CHART).install().withName("lk").withKubeVersion("1.31.0").dryRun().clientOnly().set("ingress.tlsSecret", "auth-tls").call().getOutput();
        String quiet = new Helm(CHART).install().withName("lk").withKubeVersion("1.31.0").dryRun().clientOnly().set("ingress.tlsSecret", "auth-tls")
                .set("config.eventsReplicationFactor", "1").call().getOutput();
        assertThat(warned).contains("*** KAFKA", "config.eventsReplicationFactor=1", "from image latchkey:");
        assertThat(quiet).doesNotContain("*** KAFKA");
    }

    private static Map<String, String> documentedInstallValues(String operations) {
        Matcher block = Pattern.compile("(?s)\n(helm install latchkey deploy/helm/latchkey.*?)\n```").matcher(operations);
        assertThat(block.find()).as("docs/operations.md has a helm install line").isTrue();
        Map<String, String> values = new LinkedHashMap<>();
        Matcher set = Pattern.compile("--set ([^=\\s]+)=(\\S+)").matcher(block.group(1));
        while (set.find()) {
            values.put(set.group(1), set.group(2));
        }
        assertThat(values).containsKeys("image.repository", "image.tag", "keys.existingSecret", "keys.activeKid");
        return values;
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
        String manifests = template().withValuesFile(values).call();
        Map<String, Object> configMap = StreamSupport.stream(new Yaml().loadAll(manifests).spliterator(), false)
                .map(o -> (Map<String, Object>) o).filter(o -> o != null && "ConfigMap".equals(o.get("kind"))).findFirst().orElseThrow();
        assertThat((Map<String, Object>) at(configMap, "data"))
                .containsEntry("LATCHKEY_HTTP_CORS_ALLOWED_ORIGINS", "https://app.example.com,https://admin.example.com:8443")
                .containsEntry("LATCHKEY_HTTP_BEHIND_TLS", "true")
                .containsEntry("LATCHKEY_HTTP_HSTS_MAX_AGE", "180d");
        Map<String, Object> defaults = at(ofKind(render(null), "ConfigMap").get(0), "data");
        assertThat(defaults).doesNotContainKey("LATCHKEY_HTTP_CORS_ALLOWED_ORIGINS").containsEntry("LATCHKEY_HTTP_BEHIND_TLS", "false")
                .containsEntry("LATCHKEY_CONSOLE_ENABLED", "false").containsEntry("LATCHKEY_CONSOLE_IDLE_TIMEOUT", "15m");
        assertThatThrownBy(() -> template().set("config.corsAllowedOrigins[0]", "*").call())
                .isInstanceOf(Exception.class).hasMessageContaining("corsAllowedOrigins");
    }

    @Test
    @SuppressWarnings("unchecked")
    void givenIdentityProviders_theirClientSecretsComeFromExistingSecretsAndNeverSitInTheConfigMap() throws Exception {
        Path values = java.nio.file.Files.createTempFile("federation", ".yaml");
        values.toFile().deleteOnExit();
        java.nio.file.Files.writeString(values, """
                federation:
                  publicBaseUri: https://auth.example.com
                  providers:
                    google:
                      preset: google
                      clientId: web-client
                      existingSecret: latchkey-google
                      clientSecretKey: secret
                      redirectUris: ["https://app.example.com/signed-in"]
                    my-idp:
                      preset: oidc
                      issuer: https://idp.example.com
                      clientId: other
                      redirectUris: ["https://app.example.com/signed-in"]
                rateLimits:
                  limits:
                    federation-start-per-ip: "10/1m"
                """);
        List<Map<String, Object>> objects = parse(template().withValuesFile(values));
        Map<String, Object> data = at(ofKind(objects, "ConfigMap").get(0), "data");
        Map<String, Object> app = new Yaml().load((String) data.get("SPRING_APPLICATION_JSON"));
        Map<String, Object> google = at(app, "latchkey", "federation", "providers", "google");
        assertThat(google).containsEntry("client-id", "web-client")
                .containsEntry("client-secret", "${LATCHKEY_FEDERATION_GOOGLE_CLIENT_SECRET}")
                .containsEntry("redirect-uris", List.of("https://app.example.com/signed-in"));
        assertThat((Map<String, Object>) at(app, "latchkey", "federation", "providers", "my-idp"))
                .containsEntry("issuer", "https://idp.example.com").doesNotContainKey("client-secret");
        assertThat((Object) at(app, "latchkey", "federation", "public-base-uri")).isEqualTo("https://auth.example.com");
        assertThat((Object) at(app, "latchkey", "rate-limits", "limits", "federation-start-per-ip")).isEqualTo("10/1m");
        List<Map<String, Object>> env = at(ofKind(objects, "Deployment").get(0), "spec", "template", "spec", "containers", "0", "env");
        assertThat(env).anySatisfy(variable -> {
            assertThat(variable.get("name")).isEqualTo("LATCHKEY_FEDERATION_GOOGLE_CLIENT_SECRET");
            assertThat((Object) at(variable, "valueFrom", "secretKeyRef", "name")).isEqualTo("latchkey-google");
            assertThat((Object) at(variable, "valueFrom", "secretKeyRef", "key")).isEqualTo("secret");
        });
        assertThat(ofKind(objects, "Secret")).isEmpty();
        assertThatThrownBy(() -> template().set("federation.providers.google.clientId", "x")
                .set("federation.providers.google.redirectUris[0]", "https://app.example.com/cb")
                .set("federation.providers.google.preset", "facebook").call())
                .hasMessageContaining("preset");
    }

    @Test
    @SuppressWarnings("unchecked")
    void givenTotpSealingKeys_theyComeFromTheExistingSecretAndNeverSitInTheConfigMap() throws Exception {
        Path values = java.nio.file.Files.createTempFile("mfa", ".yaml");
        values.toFile().deleteOnExit();
        java.nio.file.Files.writeString(values, """
                mfa:
                  existingSecret: latchkey-mfa
                  secretKeyIds: [totp-2025, totp-2026]
                  activeSecretKey: totp-2026
                passkeys:
                  rpId: example.com
                  origins: ["https://app.example.com", "https://www.example.com"]
                """);
        List<Map<String, Object>> objects = parse(template().withValuesFile(values));
        Map<String, Object> data = at(ofKind(objects, "ConfigMap").get(0), "data");
        Map<String, Object> app = new Yaml().load((String) data.get("SPRING_APPLICATION_JSON"));
        assertThat((Map<String, Object>) at(app, "latchkey", "mfa", "secret-keys"))
                .containsEntry("totp-2025", "${LATCHKEY_MFA_SECRET_KEY_TOTP_2025}")
                .containsEntry("totp-2026", "${LATCHKEY_MFA_SECRET_KEY_TOTP_2026}");
        assertThat((Object) at(app, "latchkey", "mfa", "active-secret-key")).isEqualTo("totp-2026");
        assertThat(data).containsEntry("LATCHKEY_PASSKEYS_RP_ID", "example.com")
                .containsEntry("LATCHKEY_PASSKEYS_ORIGINS", "https://app.example.com,https://www.example.com");
        List<Map<String, Object>> env = at(ofKind(objects, "Deployment").get(0), "spec", "template", "spec", "containers", "0", "env");
        assertThat(env).anySatisfy(variable -> {
            assertThat(variable.get("name")).isEqualTo("LATCHKEY_MFA_SECRET_KEY_TOTP_2026");
            assertThat((Object) at(variable, "valueFrom", "secretKeyRef", "name")).isEqualTo("latchkey-mfa");
            assertThat((Object) at(variable, "valueFrom", "secretKeyRef", "key")).isEqualTo("totp-2026");
        });
        assertThat(ofKind(objects, "Secret")).isEmpty();
        Map<String, Object> defaults = at(ofKind(render(null), "ConfigMap").get(0), "data");
        assertThat(defaults).doesNotContainKeys("SPRING_APPLICATION_JSON", "LATCHKEY_PASSKEYS_RP_ID");
        assertThatThrownBy(() -> template().set("mfa.existingSecret", "latchkey-mfa").set("mfa.secretKeyIds[0]", "a")
                .set("mfa.activeSecretKey", "b").call()).hasMessageContaining("mfa.activeSecretKey");
    }

    @Test
    void givenInvalidValues_theSchemaRejectsThem() {
        assertThatThrownBy(() -> template().set("config.issuer", "not-a-url").call())
                .hasMessageContaining("issuer");
    }

    @Test
    void givenAnHttpsIssuerAndNoTlsSecret_theChartRefusesUnlessTlsEndsElsewhere() {
        assertThatThrownBy(() -> template().set("ingress.tlsSecret", "").call())
                .hasMessageContaining("ingress.tlsSecret").hasMessageContaining("ingress.tlsTerminatedElsewhere=true");

        Map<String, Object> ingress = ofKind(parse(template().set("ingress.tlsSecret", "").set("ingress.tlsTerminatedElsewhere", "true")),
                "Ingress").get(0);
        assertThat((Object) at(ingress, "spec", "tls")).isNull();
        assertThat((String) at(ingress, "spec", "rules", "0", "host")).isEqualTo("auth.example.com");
        Map<String, Object> plain = ofKind(parse(template().set("ingress.tlsSecret", "").set("config.issuer", "http://auth.internal")),
                "Ingress").get(0);
        assertThat((String) at(plain, "spec", "rules", "0", "host")).as("an http issuer asks for no TLS").isEqualTo("auth.internal");
        assertThat(ofKind(parse(template().set("ingress.tlsSecret", "").set("ingress.enabled", "false")), "Ingress")).isEmpty();
    }

    @Test
    void givenAnIngress_theChartRefusesAnApiServiceReachableAroundIt() {
        assertThatThrownBy(() -> template().set("service.type", "LoadBalancer").call())
                .hasMessageContaining("service.type LoadBalancer").hasMessageContaining("X-Forwarded-For");
        assertThatThrownBy(() -> template().set("service.type", "NodePort").call()).hasMessageContaining("service.type NodePort");
        List<Map<String, Object>> own = parse(template().set("service.type", "LoadBalancer").set("ingress.enabled", "false"));
        assertThat(ofKind(own, "Ingress")).isEmpty();
    }

    @Test
    void givenAnIssuerWithAPort_theIngressHostIsTheNameAlone() {
        Map<String, Object> ingress = ofKind(parse(template().set("config.issuer", "https://auth.example.com:8443")), "Ingress").get(0);
        assertThat((String) at(ingress, "spec", "rules", "0", "host")).isEqualTo("auth.example.com");
        assertThat((List<String>) at(ingress, "spec", "tls", "0", "hosts")).containsExactly("auth.example.com");
    }

    /** Where the docs write private keys: ignored by git and Docker, directory made before Docker would, never printed. */
    @Test
    void givenTheKeyDocs_keyMaterialStaysOutOfGitTheBuildContextAndTheTerminal() throws IOException {
        for (String ignoreFile : List.of(".gitignore", ".dockerignore")) {
            assertThat(Files.readAllLines(Path.of("..", ignoreFile))).as(ignoreFile)
                    .contains("latchkey-keys/", "rotated/", "retired/", "jwks.json", "refresh-secret");
        }
        for (String doc : List.of("keys.md", "operations.md")) {
            List<String> lines = Files.readAllLines(Path.of("..", "docs", doc));
            int dockerRun = indexOf(lines, "docker run --rm --user");
            assertThat(lines.subList(Math.max(0, dockerRun - 2), dockerRun)).as(doc)
                    .anyMatch(line -> line.contains("mkdir -m 700 latchkey-keys"));
        }
        String keys = Files.readString(Path.of("..", "docs", "keys.md"));
        Matcher jq = Pattern.compile("(?s)\\(umask 077 && [^`]*?jq '[^']*' \\\\\\s*rotated/jwks.json > retired/jwks.json\\)").matcher(keys);
        assertThat(jq.find()).as("the retirement jq writes the set, private parts included, to a file only the owner reads").isTrue();
    }

    private static int indexOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        throw new AssertionError("no line with " + text);
    }

    @Test
    void givenDefaults_noDashboardNoAlertsAndNoTraceExport() {
        List<Map<String, Object>> objects = render(null);
        assertThat(ofKind(objects, "PrometheusRule")).isEmpty();
        assertThat(ofKind(objects, "ConfigMap")).hasSize(1);
        Map<String, Object> data = at(ofKind(objects, "ConfigMap").get(0), "data");
        assertThat(data).containsEntry("LATCHKEY_TRACING_ENABLED", "false")
                .doesNotContainKey("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT");
    }

    @Test
    @SuppressWarnings("unchecked")
    void givenDashboardAlertsAndExportEnabled_theSidecarLabelTheAlertsAndTheEndpointAreRendered() {
        List<Map<String, Object>> objects = parse(template().set("grafanaDashboard.enabled", true)
                .set("prometheusRule.enabled", true).set("prometheusRule.outboxOldestAgeSeconds", 120)
                .set("tracing.enabled", true).set("tracing.otlpEndpoint", "http://collector:4318/v1/traces")
                .set("tracing.samplingProbability", 0.25));
        Map<String, Object> dashboard = ofKind(objects, "ConfigMap").stream()
                .filter(c -> String.valueOf((Object) at(c, "metadata", "name")).endsWith("-dashboard")).findFirst().orElseThrow();
        assertThat((Map<String, Object>) at(dashboard, "metadata", "labels")).containsEntry("grafana_dashboard", "1");
        assertThat((String) at(dashboard, "data", "latchkey.json")).startsWith("{").contains("\"title\": \"Latchkey\"");

        List<Map<String, Object>> rules = at(ofKind(objects, "PrometheusRule").get(0), "spec", "groups", "0", "rules");
        assertThat(rules).extracting(r -> r.get("alert")).contains("LatchkeyOutboxEventsWaiting", "LatchkeyConsumerLag",
                "LatchkeyRedisFallbackInUse", "LatchkeyDeadLetters", "LatchkeyHighErrorRate");
        assertThat(rules.get(0).get("expr").toString()).endsWith("> 120");

        Map<String, Object> data = at(ofKind(objects, "ConfigMap").stream()
                .filter(c -> !String.valueOf((Object) at(c, "metadata", "name")).endsWith("-dashboard")).findFirst().orElseThrow(), "data");
        assertThat(data).containsEntry("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT", "http://collector:4318/v1/traces")
                .containsEntry("LATCHKEY_TRACING_ENABLED", "true").containsEntry("LATCHKEY_TRACING_SAMPLING_PROBABILITY", "0.25");
    }
}
