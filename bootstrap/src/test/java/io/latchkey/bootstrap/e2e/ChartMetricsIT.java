package io.latchkey.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.marcnuri.helm.Helm;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every metric the chart's Grafana dashboard and PrometheusRule query is one the running service exports: the chart
 * is rendered with both enabled, each PromQL expression's metric names are taken out, and all must appear in
 * {@code /actuator/prometheus} after some traffic.
 */
class ChartMetricsIT extends IntegrationTest {

    private static final Path CHART = Path.of("..", "deploy", "helm", "latchkey");
    private static final Pattern IDENTIFIER = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset");

    @Test
    void givenSomeTraffic_everyMetricOfTheDashboardAndTheAlertsIsExported() {
        List<String> expressions = chartExpressions();
        Set<String> wanted = expressions.stream().flatMap(e -> metricNames(e).stream())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(wanted).as("metric names found in the chart").hasSizeGreaterThan(15)
                .contains("latchkey_outbox_oldest_age_seconds", "kafka_consumer_fetch_manager_records_lag_max",
                        "latchkey_events_dead_lettered_total", "resilience4j_circuitbreaker_state",
                        "http_server_requests_seconds_bucket");

        traffic();

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(exported()).as("exported metric names").containsAll(wanted));
    }

    /** A flow that touches logins (both outcomes), refresh, the caches, logout and so the purges. */
    private void traffic() {
        String email = uniqueEmail();
        register(email);
        Map<String, Object> tokens = login(email);
        me((String) tokens.get("access_token")).expectStatus().isOk();
        Map<String, Object> rotated = refresh((String) tokens.get("refresh_token"));
        http.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", "wrong password!")).exchange().expectStatus().isUnauthorized();
        http.post().uri("/api/v1/auth/logout").header(HttpHeaders.AUTHORIZATION, "Bearer " + rotated.get("access_token"))
                .exchange().expectStatus().isNoContent();
    }

    private Set<String> exported() {
        return prometheusScrape().lines().filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split("[{ ]", 2)[0]).collect(Collectors.toSet());
    }

    @SuppressWarnings("unchecked")
    private static List<String> chartExpressions() {
        String manifests = new Helm(CHART).template().withName("lk").withKubeVersion("1.31.0")
                .set("ingress.tlsSecret", "auth-tls")
                .set("grafanaDashboard.enabled", "true").set("prometheusRule.enabled", "true").call();
        List<Map<String, Object>> objects = StreamSupport.stream(new Yaml().loadAll(manifests).spliterator(), false)
                .filter(o -> o != null).map(o -> (Map<String, Object>) o).toList();
        List<String> expressions = new ArrayList<>();
        objects.stream().filter(o -> "PrometheusRule".equals(o.get("kind"))).forEach(rule -> {
            var groups = (List<Map<String, Object>>) ((Map<String, Object>) rule.get("spec")).get("groups");
            groups.forEach(g -> ((List<Map<String, Object>>) g.get("rules")).forEach(r -> expressions.add(String.valueOf(r.get("expr")))));
        });
        int fromRules = expressions.size();
        assertThat(fromRules).as("alerts in the PrometheusRule").isGreaterThanOrEqualTo(5);
        objects.stream().filter(o -> "ConfigMap".equals(o.get("kind")) && String.valueOf(
                ((Map<String, Object>) o.get("metadata")).get("name")).endsWith("-dashboard")).forEach(map -> {
            String json = (String) ((Map<String, Object>) map.get("data")).get("latchkey.json");
            JsonNode dashboard = JsonMapper.builder().build().readTree(json);
            for (JsonNode panel : dashboard.get("panels")) {
                JsonNode targets = panel.get("targets");
                if (targets != null) {
                    targets.forEach(t -> expressions.add(t.get("expr").asString()));
                }
            }
        });
        assertThat(expressions.size() - fromRules).as("queries in the dashboard").isGreaterThanOrEqualTo(15);
        return expressions;
    }

    /** The metric names of a PromQL expression: identifiers that are not functions, keywords, labels or variables. */
    static Set<String> metricNames(String expression) {
        String stripped = expression
                .replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", " ")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ")
                .replaceAll("\\$\\w+", " ")
                .replaceAll("\\b\\d[\\w.]*", " ");
        Set<String> names = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(stripped);
        while (m.find()) {
            if (m.group(2) == null && !KEYWORDS.contains(m.group(1))) {
                names.add(m.group(1));
            }
        }
        return names;
    }
}
