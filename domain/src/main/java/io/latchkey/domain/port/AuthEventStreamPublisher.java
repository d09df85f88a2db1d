package io.latchkey.domain.port;

import io.latchkey.domain.model.outbox.OutboxMessage;
import reactor.core.publisher.Mono;

/** Puts a committed event on the event stream; completes only once the stream has durably accepted it. */
public interface AuthEventStreamPublisher {

    Mono<Void> publish(OutboxMessage message);
}
