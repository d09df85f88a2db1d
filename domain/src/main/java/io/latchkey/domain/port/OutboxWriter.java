package io.latchkey.domain.port;

import io.latchkey.domain.event.AuthEvent;
import reactor.core.publisher.Mono;

/**
 * Writes an auth event to the outbox inside the caller's transaction; the relay puts it on the event stream later
 * ({@link EventStreamProducer}), so it is published if and only if the change it describes commits.
 */
public interface OutboxWriter {

    Mono<Void> write(AuthEvent event);
}
