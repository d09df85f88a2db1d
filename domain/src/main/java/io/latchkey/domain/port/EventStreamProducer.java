package io.latchkey.domain.port;

import io.latchkey.domain.model.outbox.OutboxMessage;
import reactor.core.publisher.Mono;

/**
 * Sends a committed event from the outbox to the event stream; completes only once the stream has durably accepted
 * it. Only the relay calls it; everything else writes to the outbox ({@link OutboxWriter}).
 */
public interface EventStreamProducer {

    Mono<Void> send(OutboxMessage message);
}
