package io.latchkey.bootstrap.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.latchkey.bootstrap.BootJar;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.latchkey.bootstrap.testing.HttpProbe;
import io.latchkey.testsupport.TestInfrastructure;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * No Docker engine here, so this runs what the image runs: the layers the Dockerfile extracts, merged as its
 * COPY lines merge them, started with its ENTRYPOINT and JAVA_TOOL_OPTIONS, configured through environment
 * variables the way the Helm chart configures it. Then SIGTERM, as Kubernetes sends it.
 */
class ContainerCommandLineIT {

    private static final Path DOCKERFILE = Path.of("..", "deploy", "Dockerfile");

    @Test
    void givenTheImageCommandLine_theServiceStartsReadyServesAndStopsGracefully() throws Exception {
        String dockerfile = Files.readString(DOCKERFILE);
        String javaToolOptions = match(dockerfile, "ENV JAVA_TOOL_OPTIONS=\"([^\"]+)\"");
        List<String> entrypoint = Arrays.stream(match(dockerfile, "ENTRYPOINT \\[(.+)]").split(","))
                .map(part -> part.strip().replace("\"", "")).toList();

        Path layers = Files.createTempDirectory("latchkey-layers-");
        Path app = Files.createTempDirectory("latchkey-app-");
        Assumptions.assumeTrue(Runtime.version().feature() >= 25, "the image's JVM writes and reads an AOT cache (JDK 25)");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process extract = new ProcessBuilder(java, "-Djarmode=tools", "-jar", BootJar.path().toString(), "extract", "--layers",
                "--destination", layers.toString()).inheritIO().start();
        assertThat(extract.waitFor(120, TimeUnit.SECONDS)).isTrue();
        for (String layer : List.of("dependencies", "spring-boot-loader", "snapshot-dependencies", "application")) {
            copyInto(layers.resolve(layer), app);
        }
        try (Stream<Path> files = Files.list(app)) {
            Path jar = files.filter(p -> p.getFileName().toString().matches("bootstrap-.*\\.jar")).findFirst().orElseThrow();
            Files.move(jar, app.resolve("latchkey.jar"));
        }
        // The training run as the Dockerfile's RUN line has it: it must succeed with no server reachable.
        List<String> training = new ArrayList<>(Arrays.asList(match(dockerfile,
                "RUN (java -XX:AOTCacheOutput=(?:[^\\n\\\\]|\\\\\\n)*)").replace("\\\n", " ").strip().split("\\s+")));
        training.set(0, java);
        ProcessBuilder trainer = new ProcessBuilder(training).directory(app.toFile()).redirectErrorStream(true)
                .redirectOutput(app.resolve("training.log").toFile());
        trainer.environment().put("JAVA_TOOL_OPTIONS", javaToolOptions);
        Process trainingRun = trainer.start();
        assertThat(trainingRun.waitFor(240, TimeUnit.SECONDS)).as("training run ends").isTrue();
        assertThat(trainingRun.exitValue()).as(Files.readString(app.resolve("training.log"))).isZero();
        assertThat(app.resolve("app.aot")).isNotEmptyFile();

        int port = freePort();
        int management = freePort();
        List<String> command = new ArrayList<>(entrypoint);
        command.set(0, java);
        ProcessBuilder builder = new ProcessBuilder(command).directory(app.toFile()).redirectErrorStream(true)
                .redirectOutput(app.resolve("stdout.log").toFile());
        Map<String, String> env = builder.environment();
        env.put("JAVA_TOOL_OPTIONS", javaToolOptions);
        env.put("SERVER_PORT", Integer.toString(port));
        env.put("MANAGEMENT_SERVER_PORT", Integer.toString(management));
        env.put("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs");
        TestInfrastructure.shared().properties().forEach((name, value) ->
                env.put(name.toUpperCase().replace('.', '_').replace('-', '_'), value));
        env.putAll(keyMaterial());

        Process service = builder.start();
        try {
            await().atMost(Duration.ofSeconds(90)).until(() -> HttpProbe.status("http://localhost:" + management + "/actuator/health/readiness") == 200);
            assertThat(HttpProbe.status("http://localhost:" + port + "/.well-known/jwks.json")).isEqualTo(200);
            assertThat(HttpProbe.status("http://localhost:" + port + "/actuator/health")).as("actuator lives on the management port").isNotEqualTo(200);
        } finally {
            service.destroy();
            assertThat(service.waitFor(40, TimeUnit.SECONDS)).as("stops within the termination grace period").isTrue();
        }
        List<String> lines = Files.readAllLines(app.resolve("stdout.log"));
        assertThat(lines).anyMatch(line -> line.contains("Picked up JAVA_TOOL_OPTIONS: " + javaToolOptions));
        assertThat(lines).as("the JVM took the ahead-of-time cache").noneMatch(line -> line.contains("[aot]")
                && (line.contains("error") || line.contains("Unable to")));
        assertThat(lines).filteredOn(line -> line.startsWith("{")).isNotEmpty()
                .anyMatch(line -> line.contains("\"message\":\"Started LatchkeyApplication"))
                .anyMatch(line -> line.contains("Graceful shutdown complete"));
    }


    private static Map<String, String> keyMaterial() throws Exception {
        var key = new RSAKeyGenerator(2048).keyID("image-test").keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).generate();
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return Map.of("LATCHKEY_TOKEN_SIGNING_JWK_SET", new JWKSet(key).toString(false),
                "LATCHKEY_TOKEN_SIGNING_ACTIVE_KID", "image-test",
                "LATCHKEY_TOKEN_SIGNING_REFRESH_SECRET", Base64.getEncoder().encodeToString(secret),
                "LATCHKEY_EVENTS_CONSUMERS_ENABLED", "false");
    }


    private static void copyInto(Path from, Path to) throws Exception {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String match(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        assertThat(matcher.find()).as("Dockerfile has " + regex).isTrue();
        return matcher.group(1);
    }

}
