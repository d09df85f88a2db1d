package io.latchkey.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The executable jar this module's {@code package} phase wrote, for the tests that run the service as a process. */
public final class BootJar {

    private BootJar() {
    }

    /** {@code target/bootstrap-<version>.jar} (not the {@code -plain} one), relative to the module directory. */
    public static Path path() {
        try (Stream<Path> jars = Files.list(Path.of("target"))) {
            List<Path> boot = jars.filter(p -> p.getFileName().toString().matches("bootstrap-.*\\.jar")
                    && !p.getFileName().toString().endsWith("-plain.jar")).toList();
            if (boot.size() != 1) {
                throw new IllegalStateException("run after package: expected one boot jar in target/, found " + boot);
            }
            return boot.getFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
