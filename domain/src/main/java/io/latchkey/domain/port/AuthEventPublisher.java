package io.latchkey.domain.port;

import io.latchkey.domain.event.AuthEvent;
import reactor.core.publisher.Mono;

/**
 * Publishes facts reliably: the event is written to the outbox inside the caller's transaction and
 * relayed later, so it is published if and only if the change it describes commits.
 */
public interface AuthEventPublisher {

    Mono<Void> publish(AuthEvent event);
}
