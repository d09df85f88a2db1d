package io.latchkey.adapters.persistence;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Ticks after every commit that wrote an outbox row, so this instance's relay publishes at once instead of
 * waiting for its next poll. Best effort: a dropped tick only delays publication to the next poll.
 */
@Component
public class OutboxCommitSignal {

    private final Sinks.Many<Boolean> commits = Sinks.many().multicast().directBestEffort();

    void committed() {
        commits.tryEmitNext(Boolean.TRUE);
    }

    public Flux<Boolean> commits() {
        return commits.asFlux();
    }
}
