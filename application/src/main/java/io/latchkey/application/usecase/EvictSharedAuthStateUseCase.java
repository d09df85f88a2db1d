package io.latchkey.application.usecase;

import reactor.core.publisher.Mono;

/** Purges the shared Redis auth cache for an event; run by one consumer group for the whole cluster. */
public interface EvictSharedAuthStateUseCase {

    /** True if this delivery purged, false if it was a duplicate or asked for nothing. */
    Mono<Boolean> evictShared(EvictUserAuthStateCommand command);
}
