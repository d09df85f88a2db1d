package io.latchkey.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * {@code migrate} ends with a failure exit code when it cannot migrate, so the chart's init container fails and the
 * pod does not start (the success path, against a real database, is DatabasePrerequisitesIT).
 */
class MigrateCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new MigrateCommand(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(args);
    }

    @Test
    void givenNoDatabaseAnswering_itFails() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        assertThat(run("--spring.flyway.url=jdbc:postgresql://localhost:" + closedPort + "/latchkey",
                "--spring.flyway.user=nobody", "--spring.flyway.password=none")).isEqualTo(MigrateCommand.FAILED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("migrate failed");
    }

    @Test
    void givenFlywayDisabled_itFailsRatherThanReportSuccess() {
        assertThat(run("--spring.flyway.enabled=false")).isEqualTo(MigrateCommand.FAILED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Flyway is not configured");
    }

    @Test
    void givenArguments_onlyMigrateIsTheCommand() {
        assertThat(MigrateCommand.matches(new String[] {"migrate"})).isTrue();
        assertThat(MigrateCommand.matches(new String[] {"keys", "generate"})).isFalse();
        assertThat(MigrateCommand.matches(new String[0])).isFalse();
    }
}
