package io.latchkey.testsupport;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removing the temporary directories the restartable servers keep their data in. */
final class Directories {

    private Directories() {
    }

    /** Best effort: a leftover temporary directory is harmless. */
    static void deleteQuietly(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException ignored) {
            // Nothing to do: the directory is under the system temp folder.
        }
    }
}
