package io.latchkey.application.service;

import io.latchkey.application.usecase.RelayOutboxCommand;
import io.latchkey.application.usecase.RelayOutboxUseCase;
import io.latchkey.application.usecase.RelayResult;
import io.latchkey.domain.model.outbox.OutboxMessage;
import io.latchkey.domain.model.outbox.RetryPolicy;
import io.latchkey.domain.port.EventStreamProducer;
import io.latchkey.domain.port.OutboxRepository;
import io.latchkey.domain.port.TransactionRunner;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One relay round, in one transaction: claim due rows (skip-locked, so concurrent relays take disjoint rows),
 * publish them all and wait for the stream's acknowledgements, mark the acknowledged ones published and
 * reschedule the rest with back-off. A crash after publishing but before commit republishes: at least once.
 */
public final class RelayOutboxService implements RelayOutboxUseCase {

    private static final Logger log = LoggerFactory.getLogger(RelayOutboxService.class);
    private static final int IN_FLIGHT = 64;
    /**
     * An event still unpublished after this many attempts (about 80 s with the default back-off) is warned about,
     * once: a lasting failure of some events only (a partition without leader, a record too large, a denied topic)
     * never stops a whole round, so the outage log alone would not show it.
     */
    static final int WARN_AFTER_ATTEMPTS = 10;

    private final OutboxRepository outbox;
    private final EventStreamProducer stream;
    private final TransactionRunner transactions;
    private final RetryPolicy retry;
    private final InstantSource clock;

    public RelayOutboxService(OutboxRepository outbox, EventStreamProducer stream, TransactionRunner transactions,
            RetryPolicy retry, InstantSource clock) {
        this.outbox = outbox;
        this.stream = stream;
        this.transactions = transactions;
        this.retry = retry;
        this.clock = clock;
    }

    private record Outcome(OutboxMessage message, boolean published) {
    }

    @Override
    public Mono<RelayResult> relay(RelayOutboxCommand command) {
        return transactions.inTransaction(Mono.defer(() -> {
            Instant now = clock.instant();
            return outbox.claimDue(command.batchSize(), now)
                    .flatMapSequential(message -> stream.send(message)
                            .thenReturn(new Outcome(message, true))
                            .onErrorResume(e -> {
                                failed(message, e);
                                return Mono.just(new Outcome(message, false));
                            }), IN_FLIGHT)
                    .collectList()
                    .flatMap(outcomes -> record(outcomes, now));
        }));
    }

    private static void failed(OutboxMessage message, Throwable e) {
        int attempt = message.attempts() + 1;
        // Never the user id, and no warning for the earlier attempts: an outage fails thousands of events at once.
        if (attempt == WARN_AFTER_ATTEMPTS) {
            log.warn("Event {} ({}) still not published after {} attempts, retried with back-off: {}", message.eventId(),
                    message.type(), attempt, e.getClass().getName());
        } else {
            log.debug("publishing event {} failed (attempt {}), will retry: {}", message.eventId(), attempt, e.toString());
        }
    }

    private Mono<RelayResult> record(List<Outcome> outcomes, Instant now) {
        if (outcomes.isEmpty()) {
            return Mono.just(RelayResult.NOTHING);
        }
        List<java.util.UUID> published = outcomes.stream().filter(Outcome::published).map(o -> o.message().eventId()).toList();
        List<OutboxMessage> failed = outcomes.stream().filter(o -> !o.published()).map(Outcome::message).toList();
        Mono<Void> markPublished = published.isEmpty() ? Mono.empty() : outbox.markPublished(published, now);
        Mono<Void> reschedule = Flux.fromIterable(failed)
                .concatMap(m -> outbox.markFailed(m.eventId(), m.attempts() + 1, now.plus(retry.delayAfter(m.attempts() + 1))))
                .then();
        return markPublished.then(reschedule).thenReturn(new RelayResult(published.size(), failed.size()));
    }
}
