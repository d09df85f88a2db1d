package io.latchkey.application.usecase;

import reactor.core.publisher.Mono;

/** Purges this instance's near cache for an event; every instance runs its own consumer group. */
public interface EvictLocalAuthStateUseCase {

    /** True if this delivery purged, false if it was a duplicate or asked for nothing. */
    Mono<Boolean> evictLocal(EvictUserAuthStateCommand command);
}
