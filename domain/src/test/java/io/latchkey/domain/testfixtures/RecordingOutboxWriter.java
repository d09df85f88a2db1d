package io.latchkey.domain.testfixtures;

import io.latchkey.domain.event.AuthEvent;
import io.latchkey.domain.port.OutboxWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import reactor.core.publisher.Mono;

/** Remembers what was written to the outbox, in order. */
public final class RecordingOutboxWriter implements OutboxWriter {

    private final List<AuthEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public Mono<Void> write(AuthEvent event) {
        return Mono.fromRunnable(() -> events.add(event));
    }

    public List<AuthEvent> events() {
        return List.copyOf(events);
    }
}
