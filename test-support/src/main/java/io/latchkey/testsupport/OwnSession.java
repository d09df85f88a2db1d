package io.latchkey.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Starts child servers in a session of their own (util-linux {@code setsid}), so the terminal's Ctrl-C, which goes
 * to the whole foreground process group, reaches only the JVM, which then stops them after the service. Where
 * {@code setsid} is missing (macOS) the command runs as it is.
 */
final class OwnSession {

    private static final @Nullable Path SETSID = Stream.of("/usr/bin/setsid", "/bin/setsid", "/usr/local/bin/setsid")
            .map(Path::of).filter(Files::isExecutable).findFirst().orElse(null);

    private OwnSession() {
    }

    /**
     * The command prefixed with {@code setsid}. A child of the JVM is never a process-group leader, so setsid
     * does not fork: the server keeps the process id the JVM sees, and stopping that process stops the server.
     */
    static List<String> command(List<String> command) {
        if (SETSID == null) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(command.size() + 1);
        wrapped.add(SETSID.toString());
        wrapped.addAll(command);
        return wrapped;
    }
}
