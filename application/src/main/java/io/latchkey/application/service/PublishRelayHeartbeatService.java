package io.latchkey.application.service;

import io.latchkey.application.usecase.PublishRelayHeartbeatCommand;
import io.latchkey.application.usecase.PublishRelayHeartbeatUseCase;
import io.latchkey.domain.port.OutboxRepository;
import io.latchkey.domain.port.RelayHeartbeatPublisher;
import io.latchkey.domain.model.outbox.OutboxBacklog;
import java.time.Instant;
import java.time.InstantSource;
import reactor.core.publisher.Mono;

/**
 * A heartbeat promises subscribers that events are being relayed: it is published only while the outbox's oldest
 * waiting event is younger than the bound. A stuck relay (Kafka refusing, rows failing, PostgreSQL unreachable)
 * therefore stops the heartbeats, and subscribers that watch them fall back instead of trusting a stale view. It is
 * stamped with the relay's watermark (the oldest waiting event's creation, else now), so its age is how far behind
 * the relay may be.
 */
public final class PublishRelayHeartbeatService implements PublishRelayHeartbeatUseCase {

    private final OutboxRepository outbox;
    private final RelayHeartbeatPublisher heartbeats;
    private final InstantSource clock;

    public PublishRelayHeartbeatService(OutboxRepository outbox, RelayHeartbeatPublisher heartbeats,
            InstantSource clock) {
        this.outbox = outbox;
        this.heartbeats = heartbeats;
        this.clock = clock;
    }

    @Override
    public Mono<Boolean> publish(PublishRelayHeartbeatCommand command) {
        return outbox.backlog().flatMap(backlog -> backlog.pending() > 0
                && backlog.oldestAge().compareTo(command.maxBacklogAge()) > 0
                ? Mono.just(false)
                : Mono.defer(() -> heartbeats.publishHeartbeat(watermark(backlog))).thenReturn(true));
    }

    /** Everything committed before this instant has been relayed: now, less the oldest waiting event's age. */
    private Instant watermark(OutboxBacklog backlog) {
        Instant now = clock.instant();
        return backlog.pending() > 0 ? now.minus(backlog.oldestAge()) : now;
    }
}
