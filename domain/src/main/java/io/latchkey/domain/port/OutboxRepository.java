package io.latchkey.domain.port;

import io.latchkey.domain.model.outbox.OutboxBacklog;
import io.latchkey.domain.model.outbox.OutboxMessage;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The outbox table as the relay sees it. Claims lock their rows; call them inside a transaction. */
public interface OutboxRepository {

    /** Up to {@code limit} due, unpublished messages, oldest first, locked against other relays (skip-locked). */
    Flux<OutboxMessage> claimDue(int limit, Instant now);

    Mono<Void> markPublished(Collection<UUID> eventIds, Instant now);

    Mono<Void> markFailed(UUID eventId, int attempts, Instant nextAttemptAt);

    /** Deletes up to {@code limit} messages published before {@code cutoff}; how many. */
    Mono<Long> deletePublishedBefore(Instant cutoff, int limit);

    /**
     * How many messages wait and how long the oldest has waited, measured by the store itself: the age is taken
     * from the store's own clock against the time the store stamped the row, so a skewed instance clock cannot
     * distort it. Every subscription measures again.
     */
    Mono<OutboxBacklog> backlog();
}
