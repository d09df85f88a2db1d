package io.latchkey.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** PostgreSQL: external when LATCHKEY_TEST_POSTGRES_HOST is set, else a container or an embedded binary. */
final class PostgresServer implements Server {

    private final String host;
    private final int port;
    private final String database;
    private final String user;
    private final String password;
    private final String description;
    private final AutoCloseable stopper;

    private PostgresServer(String host, int port, String database, String user, String password, String description,
            AutoCloseable stopper) {
        this.host = host;
        this.port = port;
        this.database = database;
        this.user = user;
        this.password = password;
        this.description = description;
        this.stopper = stopper;
    }

    static PostgresServer start(InfrastructureMode mode) {
        String externalHost = System.getenv("LATCHKEY_TEST_POSTGRES_HOST");
        if (externalHost != null) {
            return new PostgresServer(externalHost, Integer.parseInt(env("LATCHKEY_TEST_POSTGRES_PORT", "5432")),
                    env("LATCHKEY_TEST_POSTGRES_DB", "latchkey"), env("LATCHKEY_TEST_POSTGRES_USER", "latchkey"),
                    env("LATCHKEY_TEST_POSTGRES_PASSWORD", ""), "external " + externalHost, () -> { });
        }
        if (mode == InfrastructureMode.TESTCONTAINERS) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:18-alpine");
            container.start();
            return new PostgresServer(container.getHost(), container.getMappedPort(5432), container.getDatabaseName(),
                    container.getUsername(), container.getPassword(), "testcontainers postgres:18", container::stop);
        }
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            return new PostgresServer("localhost", postgres.getPort(), "postgres", "postgres", "",
                    "embedded PostgreSQL", postgres::close);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
        }
    }

    String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    @Override
    public Map<String, String> properties() {
        return Map.of(
                "spring.r2dbc.url", "r2dbc:postgresql://" + host + ":" + port + "/" + database,
                "spring.r2dbc.username", user,
                "spring.r2dbc.password", password,
                "spring.flyway.url", jdbcUrl(),
                "spring.flyway.user", user,
                "spring.flyway.password", password);
    }

    @Override
    public String description() {
        return description + " on port " + port;
    }

    @Override
    public void close() {
        try {
            stopper.close();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop PostgreSQL", e);
        }
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
