package io.latchkey.application.usecase;

import reactor.core.publisher.Mono;

/** Deletes outbox rows that were published long enough ago; how many. */
public interface PurgePublishedEventsUseCase {

    Mono<Long> purgePublishedEvents(PurgePublishedEventsCommand command);
}
