package io.latchkey.application.usecase;

import reactor.core.publisher.Mono;

/** Purges this instance's near cache for an event; every instance runs its own consumer group. */
public interface EvictLocalAuthStateUseCase {

    /** True on an event's first delivery (purging what it asks for), false for a duplicate. */
    Mono<Boolean> evictLocal(EvictUserAuthStateCommand command);
}
