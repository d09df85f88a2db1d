package io.latchkey.bootstrap.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Dockerfile resolves dependencies from the POMs alone, before the sources arrive, with the Maven repository in
 * a BuildKit cache mount: every module's POM is copied first, so a code change reuses the dependency layer.
 */
class DockerfileTest {

    @Test
    void givenTheDockerfile_everyModulePomIsCopiedBeforeTheSourcesAndMavenUsesACacheMount() throws IOException {
        String dockerfile = Files.readString(Path.of("..", "deploy", "Dockerfile"));
        String rootPom = Files.readString(Path.of("..", "pom.xml"));
        List<String> modules = new ArrayList<>();
        Matcher module = Pattern.compile("<module>([^<]+)</module>").matcher(rootPom);
        while (module.find()) {
            modules.add(module.group(1));
        }
        assertThat(modules).isNotEmpty();

        int sources = dockerfile.indexOf("COPY . .");
        assertThat(sources).isPositive();
        String beforeSources = dockerfile.substring(0, sources);
        assertThat(beforeSources).contains("COPY mvnw pom.xml ./", "COPY .mvn/ .mvn/");
        for (String name : modules) {
            assertThat(beforeSources).as("module %s", name).contains("COPY " + name + "/pom.xml " + name + "/");
        }
        assertThat(beforeSources).contains("--mount=type=cache,target=/root/.m2", "dependency:go-offline");
        assertThat(dockerfile.substring(sources)).contains("--mount=type=cache,target=/root/.m2");
    }

    /**
     * The runtime stage trains its ahead-of-time cache with the JVM that runs it, on the jar it starts, and the
     * entry point reads that cache; bench/run.sh measures the start with the same commands.
     */
    @Test
    void givenTheDockerfile_theRuntimeImageTrainsAndUsesAnAheadOfTimeCacheOfTheJarItRuns() throws IOException {
        String dockerfile = Files.readString(Path.of("..", "deploy", "Dockerfile"));
        String bench = Files.readString(Path.of("..", "bench", "run.sh"));
        String runtime = dockerfile.substring(dockerfile.lastIndexOf("\nFROM "));

        assertThat(runtime).startsWith("\nFROM eclipse-temurin:25-jre");
        int training = runtime.indexOf("RUN java -XX:AOTCacheOutput=app.aot --enable-native-access=ALL-UNNAMED "
                + "-Dspring.context.exit=onRefresh -jar latchkey.jar");
        assertThat(runtime.indexOf("ENV JAVA_TOOL_OPTIONS=")).as("the same JVM options at training").isBetween(0, training);
        assertThat(training).isPositive();
        assertThat(runtime.indexOf("COPY --from=build /layers/application/ ./")).isBetween(0, training);
        assertThat(runtime).contains("ENTRYPOINT [\"java\", \"-XX:AOTCache=app.aot\"", "\"-jar\", \"latchkey.jar\"]");
        assertThat(dockerfile).contains("mv /layers/application/bootstrap-*.jar /layers/application/latchkey.jar");
        for (String option : List.of("--latchkey.token.signing.allow-ephemeral=true", "--spring.flyway.enabled=false",
                "--spring.kafka.admin.auto-create=false", "--spring.data.redis.port=1")) {
            assertThat(runtime).as("training option").contains(option);
            assertThat(bench).as("bench/run.sh trains as the image does").contains(option);
        }
    }
}
