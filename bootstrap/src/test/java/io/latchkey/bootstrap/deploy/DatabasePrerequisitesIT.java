package io.latchkey.bootstrap.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.latchkey.bootstrap.BootJar;
import io.latchkey.bootstrap.LatchkeyApplication;
import io.latchkey.testsupport.TestInfrastructure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The SQL docs/operations.md gives for a separate migration user, run as written (names made unique): the jar's
 * {@code migrate} command migrates as that user and exits, and the service, started with Flyway off and the request
 * user's DML rights only (as the chart runs it), serves a login.
 */
class DatabasePrerequisitesIT {

    @Test
    void givenTheDocumentedMigrationUserSetup_migrationsRunAndTheRequestUserServes() throws Exception {
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String requestUser = "lkdoc_" + suffix;
        String migrationUser = requestUser + "_migrate";
        String password = "pw-" + suffix;
        String sql = secondSqlBlock(Files.readString(Path.of("..", "docs", "operations.md")))
                .replace("latchkey_migrate", migrationUser).replaceAll("\\blatchkey\\b", requestUser)
                .replace("'…'", "'" + password + "'");

        TestInfrastructure infra = TestInfrastructure.shared();
        String server = infra.jdbcUrl().substring(0, infra.jdbcUrl().lastIndexOf('/') + 1);
        String database = infra.jdbcUrl().substring(infra.jdbcUrl().lastIndexOf('/') + 1).replaceAll("\\?.*", "");
        for (String statement : statements(sql)) {
            if (statement.startsWith("\\c ")) {
                database = statement.substring(3).strip();
                // PostgreSQL 15 stopped granting CREATE on public to everyone; the documented SQL must undo it on 14.
                try (Connection admin = DriverManager.getConnection(server + database, infra.databaseUser(), infra.databasePassword());
                        Statement execute = admin.createStatement()) {
                    execute.execute("GRANT CREATE ON SCHEMA public TO PUBLIC");
                }
                continue;
            }
            try (Connection admin = DriverManager.getConnection(server + database, infra.databaseUser(), infra.databasePassword());
                    Statement execute = admin.createStatement()) {
                execute.execute(statement);
            }
        }
        assertThat(database).isEqualTo(requestUser);

        Map<String, String> properties = new HashMap<>(infra.properties());
        properties.replaceAll((key, value) -> key.equals("spring.r2dbc.url") || key.equals("spring.flyway.url")
                ? value.substring(0, value.lastIndexOf('/') + 1) + requestUser : value);
        // As the chart runs it: the jar's migrate command as the migration user, then the service without Flyway,
        // holding the request user's credentials only.
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process migrate = new ProcessBuilder(java, "-jar", BootJar.path().toString(), "migrate",
                "--spring.flyway.url=" + properties.get("spring.flyway.url"), "--spring.flyway.user=" + migrationUser,
                "--spring.flyway.password=" + password).redirectErrorStream(true).start();
        String console = new String(migrate.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(migrate.waitFor(120, TimeUnit.SECONDS)).as(console).isTrue();
        assertThat(migrate.exitValue()).as(console).isZero();
        assertThat(console).contains("migrate: schema at version").doesNotContain("Netty started");

        properties.keySet().removeIf(key -> key.startsWith("spring.flyway.") && !key.equals("spring.flyway.url"));
        properties.put("spring.flyway.enabled", "false");
        properties.put("spring.r2dbc.username", requestUser);
        properties.put("spring.r2dbc.password", password);
        properties.put("server.port", "0");
        properties.put("latchkey.events.consumers-enabled", "false");
        properties.put("latchkey.token.signing.allow-ephemeral", "true");
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(LatchkeyApplication.class).run(args)) {
            WebTestClient http = WebTestClient.bindToServer()
                    .baseUrl("http://localhost:" + app.getEnvironment().getProperty("local.server.port")).build();
            Map<String, String> credentials = Map.of("email", "db-" + suffix + "@example.com", "password", "correct horse battery staple");
            http.post().uri("/api/v1/accounts").contentType(MediaType.APPLICATION_JSON).bodyValue(credentials)
                    .exchange().expectStatus().isAccepted();
            http.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON).bodyValue(credentials)
                    .exchange().expectStatus().isOk();
        }
        try (Connection check = DriverManager.getConnection(server + requestUser, requestUser, password);
                Statement statement = check.createStatement()) {
            statement.execute("CREATE TABLE should_not_exist (id int)");
            throw new AssertionError("the request user can create tables");
        } catch (SQLException expected) {
            assertThat(expected.getSQLState()).as(expected.getMessage()).isEqualTo("42501");
        }
        String stranger = "lkdoc_other_" + suffix;
        try (Connection admin = DriverManager.getConnection(infra.jdbcUrl(), infra.databaseUser(), infra.databasePassword());
                Statement execute = admin.createStatement()) {
            execute.execute("CREATE ROLE " + stranger + " LOGIN PASSWORD '" + password + "'");
        }
        try (Connection ignored = DriverManager.getConnection(server + requestUser, stranger, password)) {
            throw new AssertionError("a role without a grant connects to the database");
        } catch (SQLException expected) {
            assertThat(expected.getSQLState()).as(expected.getMessage()).isEqualTo("42501");
        }
    }


    private static String secondSqlBlock(String operations) {
        Matcher blocks = Pattern.compile("(?s)```sql\\n(.*?)```").matcher(operations);
        assertThat(blocks.find()).isTrue();
        assertThat(blocks.find()).as("docs/operations.md shows the migration-user set-up").isTrue();
        return blocks.group(1);
    }

    /** Statements end with ';' (continuation lines are indented); psql's {@code \c} stands alone. */
    private static List<String> statements(String sql) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : sql.split("\n")) {
            if (line.startsWith("\\c ")) {
                statements.add(line.strip());
                continue;
            }
            current.append(line).append('\n');
            if (line.strip().endsWith(";")) {
                statements.add(current.toString().strip().replaceAll(";$", ""));
                current.setLength(0);
            }
        }
        return statements;
    }
}
