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
}
