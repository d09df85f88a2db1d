package io.latchkey.resourceserver;

import io.latchkey.resourceserver.revocation.AuthEventParser;
import io.latchkey.resourceserver.revocation.RevocationStore;
import io.latchkey.resourceserver.revocation.RevocationStream;
import java.time.InstantSource;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the {@link RevocationStream} on its own daemon thread for the life of the context, and keeps the
 * application's readiness at REFUSING_TRAFFIC until the stream has caught up (Spring Boot itself announces
 * ACCEPTING_TRAFFIC when the application is ready, which can be earlier).
 */
@SuppressWarnings("rawtypes")
final class RevocationStreamLifecycle implements SmartLifecycle, ApplicationListener<AvailabilityChangeEvent> {

    private final RevocationStream stream;
    private final ApplicationEventPublisher events;
    private final Object readiness = new Object();
    private boolean applicationReady;
    private boolean caughtUp;
    private volatile Thread thread;

    RevocationStreamLifecycle(RevocationStream.Settings settings, RevocationStore store, AuthEventParser parser,
            InstantSource clock, ApplicationEventPublisher events) {
        this.events = events;
        this.stream = new RevocationStream(settings, store, parser, clock, this::caughtUp);
    }

    RevocationStream stream() {
        return stream;
    }

    private void caughtUp() {
        synchronized (readiness) {
            caughtUp = true;
            if (applicationReady) {
                AvailabilityChangeEvent.publish(events, this, ReadinessState.ACCEPTING_TRAFFIC);
            }
        }
    }

    /** Spring Boot announces readiness once the application is ready; until caught up, this takes it back. */
    @Override
    public void onApplicationEvent(AvailabilityChangeEvent event) {
        if (event.getState() != ReadinessState.ACCEPTING_TRAFFIC || event.getSource() == this) {
            return;
        }
        synchronized (readiness) {
            applicationReady = true;
            if (!caughtUp) {
                AvailabilityChangeEvent.publish(events, this, ReadinessState.REFUSING_TRAFFIC);
            }
        }
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
