import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns bench/out/results.txt (written by bench/run.sh) into the "Load" section of bench/RESULTS.md, between
 * the markers, keeping the rest of the file. Usage: java WriteResults.java OUT_DIR RESULTS_MD CORES JAVA WRK
 */
public class WriteResults {

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Path results = Path.of(args[1]);
        Map<String, Map<String, String>> rows = new HashMap<>();
        Map<String, String> single = new HashMap<>();
        for (String line : Files.readAllLines(out.resolve("results.txt"))) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length == 2) {
                single.put(parts[0], parts[1]);
            } else if (parts.length > 2 && parts[1].contains("=")) {
                Map<String, String> values = new HashMap<>();
                for (int i = 1; i < parts.length; i++) {
                    String[] kv = parts[i].split("=", 2);
                    values.put(kv[0], kv[1]);
                }
                rows.put(parts[0], values);
            }
        }
        double noop = rps(rows, "noop");
        double argon = Double.parseDouble(single.getOrDefault("raw_PasswordHashBenchmark", "NaN"));
        double signing = Double.parseDouble(single.getOrDefault("raw_JwtSigningBenchmark.sign", "NaN"));
        StringBuilder md = new StringBuilder();
        md.append("<!-- load:begin -->\n## Load (bench/run.sh)\n\n");
        md.append(String.format(Locale.ROOT, "Run on %s: %s cores, %s, %s. Command: `bench/run.sh` (wrk -t2 -c32, "
                + "15 s per scenario unless noted; wrk runs on the same 2 cores as the service, PostgreSQL, Redis and Kafka).%n%n",
                LocalDate.now(), args[2], args[3], args[4]));
        md.append("| # | scenario | requests/s | vs no-op | p50 ms | p99 ms | p99.9 ms | errors |\n|---|---|---:|---:|---:|---:|---:|---:|\n");
        String[][] scenarios = {
            {"1", "noop", "no-op `GET /ping` (baseline)"},
            {"2", "me_near", "`GET /api/v1/me`, near-cache hits"},
            {"3", "me_redis", "`GET /api/v1/me`, near cache off (Redis)"},
            {"4", "me_postgres", "`GET /api/v1/me`, near cache off, Redis down (PostgreSQL)"},
            {"12", "me_postgres_near", "`GET /api/v1/me`, Redis down, near cache on (PostgreSQL answers kept near)"},
            {"5", "login", "`POST /api/v1/auth/login`"},
            {"6", "refresh", "`POST /api/v1/auth/refresh`, 64 chains of single-use tokens, after a 10 s warm-up"},
            {"10", "introspect", "`POST /api/v1/auth/introspect` (RFC 7662, HTTP Basic client)"}};
        for (String[] s : scenarios) {
            Map<String, String> r = rows.get(s[1]);
            if (r == null) {
                md.append("| ").append(s[0]).append(" | ").append(s[2]).append(" | not run | | | | | |\n");
                continue;
            }
            String ratio = Set.of("noop", "me_near", "me_redis", "me_postgres", "me_postgres_near").contains(s[1])
                    ? String.format(Locale.ROOT, "%.0f %%", 100 * Double.parseDouble(r.get("rps")) / noop) : "see below";
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s |%n", s[0], s[2], r.get("rps"),
                    ratio, r.get("p50"), r.get("p99"), r.get("p999"), r.get("errors")));
        }
        md.append(String.format(Locale.ROOT, "%nRaw rates in the same run (JMH, 2 threads): Argon2id (m=19 MiB, t=2, p=1) %.1f "
                + "verifications/s, RS256 signing %.0f tokens/s. Login reached **%.0f %%** of the raw Argon2id rate; refresh "
                + "reached **%.0f %%** of the raw RS256 signing rate.%n%n", argon, signing, 100 * rps(rows, "login") / argon,
                100 * rps(rows, "refresh") / signing));
        md.append(String.format(Locale.ROOT, "Startup to ready (JVM start → readiness UP, infrastructure already running): %s ms "
                + "for `java -jar`; %s ms as the container runs it (extracted jar with the ahead-of-time cache of a training "
                + "run, deploy/Dockerfile). Resident memory: %s MiB idle (%s MiB with the cache), %s MiB at peak during "
                + "scenario 2.%n%n", single.get("startup_ms"), single.get("startup_aot_ms"), single.get("rss_idle_mib"),
                single.get("rss_idle_aot_mib"), single.get("rss_load_mib")));
        appendStorm(md, rows);
        appendPeer(md, rows, single);
        Path propagation = out.resolve("propagation.txt");
        if (Files.exists(propagation)) {
            md.append("Scenario 7, logout on A → rejection on B (`RevocationPropagationIT`, 200 logouts):\n\n```\n")
                    .append(Files.readString(propagation).strip()).append("\n```\n\n");
        }
        Path hot = out.resolve("hot-methods.txt");
        if (Files.exists(hot)) {
            List<String> lines = Files.readAllLines(hot);
            md.append("Hot methods during scenario 2 (JFR execution samples, `jfr view hot-methods`, top 15):\n\n```\n");
            lines.stream().filter(l -> !l.isBlank()).limit(19).forEach(l -> md.append(l).append('\n'));
            md.append("```\n");
        }
        md.append("<!-- load:end -->\n");
        String existing = Files.exists(results) ? Files.readString(results) : "# Benchmark results\n";
        int begin = existing.indexOf("<!-- load:begin -->");
        int end = existing.indexOf("<!-- load:end -->");
        String updated = begin >= 0 && end > begin
                ? existing.substring(0, begin) + md + existing.substring(end + "<!-- load:end -->\n".length())
                : existing.stripTrailing() + "\n\n" + md;
        Files.writeString(results, updated);
    }

    /** Scenario 11: the login storm beside /me traffic, against /me alone at the same connection count. */
    private static void appendStorm(StringBuilder md, Map<String, Map<String, String>> rows) {
        Map<String, String> alone = rows.get("storm_me_alone");
        Map<String, String> me = rows.get("storm_me");
        Map<String, String> logins = rows.get("storm_login");
        if (alone == null || me == null || logins == null) {
            return;
        }
        md.append("Scenario 11, login storm (wrk -t1 -c128 on login while wrk -t1 -c8 runs `/me`; `/me` alone at -t1 -c8 "
                + "first):\n\n| | requests/s | p50 ms | p99 ms | errors (incl. non-2xx) |\n|---|---:|---:|---:|---:|\n");
        for (String[] row : new String[][] {{"`/me` alone", "storm_me_alone"}, {"`/me` during the storm", "storm_me"},
                {"logins during the storm", "storm_login"}}) {
            Map<String, String> r = rows.get(row[1]);
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", row[0], r.get("rps"), r.get("p50"),
                    r.get("p99"), r.get("errors")));
        }
        md.append(String.format(Locale.ROOT, "%nLogins answered 2xx during the storm: %.1f/s; the rest were shed with 503 `overloaded` "
                + "(wrk retries at once, ignoring Retry-After).%n", (Double.parseDouble(logins.get("requests"))
                - Double.parseDouble(logins.get("errors"))) / Double.parseDouble(logins.get("seconds"))));
        md.append(String.format(Locale.ROOT, "%n`/me` kept **%.0f %%** of its throughput alone; its p99 went from %s to %s ms "
                + "(×%.1f).%n%n", 100 * rps(rows, "storm_me") / rps(rows, "storm_me_alone"), alone.get("p99"), me.get("p99"),
                Double.parseDouble(me.get("p99")) / Double.parseDouble(alone.get("p99"))));
    }

    /** The Keycloak peer (bench/run.sh --with-keycloak): both columns from the same run, and the ratio. */
    private static void appendPeer(StringBuilder md, Map<String, Map<String, String>> rows, Map<String, String> single) {
        if (!rows.containsKey("kc_userinfo")) {
            return;
        }
        md.append("Latchkey beside Keycloak in this run (`bench/run.sh --with-keycloak`: Keycloak in production mode, "
                + "`--cache=local`, on a database of its own on the same PostgreSQL server, the same heap cap, warm-up and wrk "
                + "settings; a realm with 15 min access tokens and single-use refresh tokens, one confidential client):\n\n"
                + "| | Latchkey | Keycloak | Latchkey ÷ Keycloak |\n|---|---:|---:|---:|\n");
        String[][] pairs = {
            {"authenticated read, req/s (`/me` near-cache hits; Keycloak userinfo)", "me_near", "kc_userinfo"},
            {"token introspection, req/s", "introspect", "kc_introspect"},
            {"password login, req/s", "login", "kc_login"},
            {"refresh with rotation, req/s (64 chains of single-use tokens)", "refresh", "kc_refresh"}};
        for (String[] pair : pairs) {
            md.append(String.format(Locale.ROOT, "| %s | %.0f (p99 %s ms) | %.0f (p99 %s ms) | **%.2f×** |%n", pair[0],
                    rps(rows, pair[1]), rows.get(pair[1]).get("p99"), rps(rows, pair[2]), rows.get(pair[2]).get("p99"),
                    rps(rows, pair[1]) / rps(rows, pair[2])));
        }
        md.append(String.format(Locale.ROOT, "| start to ready, ms (lower is better; Latchkey as the container runs it, with its "
                + "ahead-of-time cache; Keycloak restarted on its schema, its first start took %s ms) | %s | %s | %.2f× |%n",
                single.get("kc_first_startup_ms"), single.get("startup_aot_ms"), single.get("kc_startup_ms"),
                ratio(single, "kc_startup_ms", "startup_aot_ms")));
        md.append(String.format(Locale.ROOT, "| idle resident memory, MiB (lower is better) | %s | %s | %.2f× |%n%n",
                single.get("rss_idle_aot_mib"), single.get("kc_rss_idle_mib"), ratio(single, "kc_rss_idle_mib", "rss_idle_aot_mib")));
        md.append("Password hashing differs: Latchkey uses Argon2id m=19 MiB t=2 (OWASP's first choice), Keycloak its default "
                + "Argon2id m=7 MiB t=5, which costs less memory per hash; the login columns compare the services as shipped.\n\n");
    }

    /** How many times smaller {@code ours} is than {@code theirs} (for costs, where lower is better). */
    private static double ratio(Map<String, String> single, String theirs, String ours) {
        return Double.parseDouble(single.getOrDefault(theirs, "NaN")) / Double.parseDouble(single.getOrDefault(ours, "NaN"));
    }

    private static double rps(Map<String, Map<String, String>> rows, String name) {
        Map<String, String> r = rows.get(name);
        return r == null ? Double.NaN : Double.parseDouble(r.get("rps"));
    }
}
