package io.latchkey.domain.port;

import java.time.Instant;
import reactor.core.publisher.Mono;

/**
 * Writes a heartbeat to every partition of the event stream, telling subscribers the relay was keeping up at
 * {@code emittedAt}; a subscriber whose heartbeats stop knows its revocation view may be behind.
 */
public interface RelayHeartbeatPublisher {

    Mono<Void> publishHeartbeat(Instant emittedAt);
}
