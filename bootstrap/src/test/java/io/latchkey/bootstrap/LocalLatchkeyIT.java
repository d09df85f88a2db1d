package io.latchkey.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The local run as a user starts it: {@link LocalLatchkey} in a process of its own, in its own process group as a
 * terminal would start it, with its own temp folder so that whatever it leaves behind can be seen. Ctrl-C is SIGINT
 * to that whole process group, which is what a terminal sends.
 */
class LocalLatchkeyIT {

    private static final Path WALKTHROUGH = Path.of("..", "docs", "walkthrough.sh");
    private static final String ADMIN_EMAIL = "root@latchkey.test";
    private static final String ADMIN_PASSWORD = "an admin password with spaces";

    private @Nullable Path temp;
    private final List<Process> started = new ArrayList<>();

    @BeforeEach
    void requirePosixTools() throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/setsid")), "needs util-linux setsid");
        assumeTrue(new ProcessBuilder("env", "--default-signal=INT", "true").start().waitFor() == 0,
                "needs GNU env --default-signal (coreutils 8.31+)");
        temp = Files.createTempDirectory("latchkey-localrun-");
    }

    @AfterEach
    void killLeftovers() throws IOException {
        started.forEach(process -> process.descendants().forEach(ProcessHandle::destroyForcibly));
        started.forEach(Process::destroyForcibly);
        leftoverProcesses().forEach(ProcessHandle::destroyForcibly);
        if (temp == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(temp)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        }
    }

    @Test
    void givenTheServicePortIsTaken_theRunExitsNonZeroStopsEverythingAndLeavesNothingBehind() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            Run run = start(taken.getLocalPort(), Map.of());

            assertThat(run.process.waitFor(240, TimeUnit.SECONDS)).as("the run ends by itself").isTrue();
            String console = run.console();
            assertThat(console).contains("APPLICATION FAILED TO START")
                    .contains("Latchkey did not start (see above); the embedded servers are stopped.");
            assertThat(run.process.exitValue()).isEqualTo(LocalLatchkey.FAILED);
            assertNothingLeftBehind();
        }
    }

    @Test
    void givenARunningLocalService_theWalkThroughPassesAndCtrlCStopsTheServiceFirstLeavingNothingBehind() throws Exception {
        int port = freePort();
        Run run = start(port, Map.of("LATCHKEY_ADMIN_EMAIL", ADMIN_EMAIL, "LATCHKEY_ADMIN_PASSWORD", ADMIN_PASSWORD));
        await().atMost(Duration.ofSeconds(240)).until(() -> run.console().contains("Latchkey is running on http://localhost:" + port));

        // The servers it started do not share its session, so the terminal's Ctrl-C does not reach them.
        List<ProcessHandle> servers = leftoverProcesses();
        assertThat(servers).as("PostgreSQL and Redis run").hasSizeGreaterThanOrEqualTo(2);
        assertThat(servers).allSatisfy(server -> assertThat(sessionOf(server.pid())).isNotEqualTo(run.process.pid()));

        String email = "ada." + UUID.randomUUID() + "@example.com";
        Process walkthrough = walkthrough(port, email);
        try (Writer answers = walkthrough.outputWriter(StandardCharsets.UTF_8)) {
            String to = "--- mail to " + Pattern.quote(email) + ": ";
            answers.write(fromConsole(run, to + "Your verification code: (\\d{6}) ---") + "\n");
            answers.flush();
            answers.write(fromConsole(run, to + "Reset your password ---\\R[^-]*?use this token:\\s+(\\S+)") + "\n");
        }
        assertThat(walkthrough.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String walked = new String(walkthrough.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(walkthrough.exitValue()).as(walked).isZero();
        assertThat(walked).contains("Walk-through complete.");
        assertThat(status(port, "/api/v1/auth/login", "{\"email\":\"" + ADMIN_EMAIL + "\",\"password\":\"" + ADMIN_PASSWORD + "\"}"))
                .as("settings given as environment variables reach the local run").isEqualTo(200);

        new ProcessBuilder("kill", "-INT", "--", "-" + run.process.pid()).start().waitFor();

        assertThat(run.process.waitFor(60, TimeUnit.SECONDS)).as("Ctrl-C ends the run").isTrue();
        assertThat(run.process.exitValue()).isEqualTo(LocalLatchkey.INTERRUPTED);
        String console = run.console();
        String shutdown = console.substring(console.indexOf("Stopping Latchkey..."));
        assertThat(shutdown).as("the service stops first, then the servers")
                .containsSubsequence("Stopping Latchkey...", "Stopping PostgreSQL, Redis, Kafka and the SMTP server...", "Stopped.");
        String serviceStop = shutdown.substring(0, shutdown.indexOf("Stopping PostgreSQL"));
        assertThat(serviceStop).as("nothing the service used was gone while it stopped")
                .doesNotContain("Exception").doesNotContain("ERROR").doesNotContain("Unable to connect");
        assertNothingLeftBehind();
    }

    @Test
    void givenAWrongVerificationCode_theWalkThroughStopsWithTheServicesProblem() throws Exception {
        int port = freePort();
        Run run = start(port, Map.of());
        await().atMost(Duration.ofSeconds(240)).until(() -> run.console().contains("Latchkey is running on http://localhost:" + port));

        Process walkthrough = walkthrough(port, "grace." + UUID.randomUUID() + "@example.com");
        try (Writer answers = walkthrough.outputWriter(StandardCharsets.UTF_8)) {
            answers.write("000000\n");
        }
        assertThat(walkthrough.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String walked = new String(walkthrough.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(walkthrough.exitValue()).isNotZero();
        assertThat(walked).contains("urn:problem:auth:invalid-verification-code")
                .contains("Stopped: expected 204, got 400").doesNotContain("/api/v1/auth/login");
    }

    private Run start(int port, Map<String, String> environment) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // setsid: a process group of its own, as a shell gives a foreground job; env: Ctrl-C at its default even when
        // this build was started in the background, where SIGINT is ignored and the ignoring is inherited.
        ProcessBuilder builder = new ProcessBuilder("setsid", "env", "--default-signal=INT", java,
                "-Djava.io.tmpdir=" + temp, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), LocalLatchkey.class.getName(), "--server.port=" + port)
                .redirectErrorStream(true).redirectOutput(temp.resolveSibling(temp.getFileName() + ".log").toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        started.add(process);
        return new Run(process, temp.resolveSibling(temp.getFileName() + ".log"));
    }

    private Process walkthrough(int port, String email) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("sh", WALKTHROUGH.toString()).redirectErrorStream(true);
        builder.environment().put("LATCHKEY_URL", "http://localhost:" + port);
        builder.environment().put("EMAIL", email);
        Process process = builder.start();
        started.add(process);
        return process;
    }

    /** Waits until the run's console shows the pattern, and returns its first group. */
    private static String fromConsole(Run run, String regex) {
        Pattern pattern = Pattern.compile(regex);
        return await().atMost(Duration.ofSeconds(60)).until(() -> {
            Matcher matcher = pattern.matcher(run.console());
            return matcher.find() ? matcher.group(1) : null;
        }, value -> value != null);
    }

    /** The run's servers: every process whose command line names a file in the run's temp folder. */
    private List<ProcessHandle> leftoverProcesses() {
        if (temp == null) {
            return List.of();
        }
        String marker = temp.toString();
        return ProcessHandle.allProcesses()
                .filter(handle -> handle.info().commandLine().map(line -> line.contains(marker)).orElse(false))
                .filter(handle -> started.stream().noneMatch(process -> process.pid() == handle.pid()))
                .toList();
    }

    private void assertNothingLeftBehind() throws IOException {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(leftoverProcesses()).isEmpty());
        try (Stream<Path> files = Files.walk(temp)) {
            // Only the unpacked server binaries stay, on purpose: the next run reuses them.
            assertThat(files.filter(Files::isRegularFile).map(temp::relativize).map(Path::toString)
                    .filter(file -> !file.startsWith("embedded-pg/PG-") && !file.matches("redis-\\d+/redis-server-[^/]+"))
                    .toList()).as("data directories and files left in " + temp).isEmpty();
        }
    }

    private static long sessionOf(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        // pid (comm) state ppid pgrp session ...; comm may hold spaces, so count from the closing parenthesis.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[3]);
    }

    private static int status(int port, String path, String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private record Run(Process process, Path log) {

        String console() throws IOException {
            // Decoded leniently: the process may be in the middle of writing a character.
            return new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
        }
    }
}
