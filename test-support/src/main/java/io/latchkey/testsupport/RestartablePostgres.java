package io.latchkey.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A private embedded PostgreSQL that can be stopped and started again on the same port with its data: outages. */
public final class RestartablePostgres implements AutoCloseable {

    private final Path dataDirectory;
    private final int port;
    private @Nullable EmbeddedPostgres server;

    private RestartablePostgres(Path dataDirectory, int port) {
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    public static RestartablePostgres start() {
        try {
            RestartablePostgres postgres = new RestartablePostgres(Files.createTempDirectory("latchkey-pg-"), Ports.free());
            postgres.resume();
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void stop() {
        EmbeddedPostgres running = server;
        server = null;
        if (running != null) {
            try {
                running.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public void resume() {
        try {
            server = EmbeddedPostgres.builder().setPort(port).setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL on port " + port, e);
        }
    }

    public Map<String, String> properties() {
        return Map.of(
                "spring.r2dbc.url", "r2dbc:postgresql://localhost:" + port + "/postgres",
                "spring.r2dbc.username", "postgres",
                "spring.r2dbc.password", "",
                "spring.flyway.url", "jdbc:postgresql://localhost:" + port + "/postgres",
                "spring.flyway.user", "postgres",
                "spring.flyway.password", "");
    }

    @Override
    public void close() {
        stop();
        Directories.deleteQuietly(dataDirectory);
    }
}
