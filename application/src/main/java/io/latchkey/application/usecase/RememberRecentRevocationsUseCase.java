package io.latchkey.application.usecase;

import reactor.core.publisher.Mono;

/**
 * Loads the sessions revoked recently enough that their access tokens may still be valid from the record into this
 * instance's memory of revoked sessions: what a new instance (its event consumer starts at the end of the topic) and
 * every instance while Kafka is down would otherwise not know.
 */
public interface RememberRecentRevocationsUseCase {

    /** How many revoked sessions were loaded. */
    Mono<Long> rememberRecentRevocations();
}
