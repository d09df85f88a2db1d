package io.latchkey.resourceserver;

import io.latchkey.resourceserver.revocation.AuthEventParser;
import io.latchkey.resourceserver.revocation.RevocationStore;
import io.latchkey.resourceserver.revocation.RevocationStream;
import java.time.InstantSource;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the {@link RevocationStream} on its own daemon thread for the life of the context (the stream restarts its
 * own consumer after a failure). Readiness follows the stream through {@link CaughtUpApplicationAvailability}.
 */
final class RevocationStreamLifecycle implements SmartLifecycle {

    private final RevocationStream stream;
    private volatile Thread thread;

    RevocationStreamLifecycle(RevocationStream.Settings settings, RevocationStore store, AuthEventParser parser,
            InstantSource clock) {
        this.stream = new RevocationStream(settings, store, parser, clock, () -> { });
    }

    RevocationStream stream() {
        return stream;
    }

    @Override
    public void start() {
        Thread t = new Thread(stream, "latchkey-revocation-stream");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    @Override
    public void stop() {
        stream.stop();
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        thread = null;
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }
}
