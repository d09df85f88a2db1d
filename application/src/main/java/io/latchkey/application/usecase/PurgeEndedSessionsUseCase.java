package io.latchkey.application.usecase;

import reactor.core.publisher.Mono;

/** Deletes sessions (and their refresh-token hashes) that ended long enough ago; safe on every instance at once. */
public interface PurgeEndedSessionsUseCase {

    /** How many sessions were deleted. */
    Mono<Long> purgeEndedSessions(PurgeEndedSessionsCommand command);
}
