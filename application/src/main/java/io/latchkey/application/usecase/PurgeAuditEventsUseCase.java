package io.latchkey.application.usecase;

import reactor.core.publisher.Mono;

/** Deletes audit entries older than the retention, in bounded batches; how many it deleted. */
public interface PurgeAuditEventsUseCase {

    Mono<Long> purge(PurgeAuditEventsCommand command);
}
