package io.latchkey.application.usecase;

import reactor.core.publisher.Mono;

/** Purges the shared Redis auth cache for an event; run by one consumer group for the whole cluster. */
public interface EvictSharedAuthStateUseCase {

    /** True on an event's first delivery (purging what it asks for), false for a duplicate. */
    Mono<Boolean> evictShared(EvictUserAuthStateCommand command);
}
