package io.latchkey.application.service;

import io.latchkey.application.usecase.PurgePublishedEventsCommand;
import io.latchkey.application.usecase.PurgePublishedEventsUseCase;
import io.latchkey.domain.port.OutboxRepository;
import java.time.InstantSource;
import reactor.core.publisher.Mono;

/** Keeps the outbox small: published rows are only kept for a while, for inspection and replays. */
public final class PurgePublishedEventsService implements PurgePublishedEventsUseCase {

    private final OutboxRepository outbox;
    private final InstantSource clock;

    public PurgePublishedEventsService(OutboxRepository outbox, InstantSource clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public Mono<Long> purgePublishedEvents(PurgePublishedEventsCommand command) {
        return Mono.defer(() -> outbox.deletePublishedBefore(clock.instant().minus(command.retention()), command.limit()));
    }
}
