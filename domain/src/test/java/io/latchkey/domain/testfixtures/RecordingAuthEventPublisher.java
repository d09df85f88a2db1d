package io.latchkey.domain.testfixtures;

import io.latchkey.domain.event.AuthEvent;
import io.latchkey.domain.port.AuthEventPublisher;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import reactor.core.publisher.Mono;

/** Remembers what was published, in order. */
public final class RecordingAuthEventPublisher implements AuthEventPublisher {

    private final List<AuthEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public Mono<Void> publish(AuthEvent event) {
        return Mono.fromRunnable(() -> events.add(event));
    }

    public List<AuthEvent> events() {
        return List.copyOf(events);
    }
}
