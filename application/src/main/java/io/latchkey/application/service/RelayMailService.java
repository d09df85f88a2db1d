package io.latchkey.application.service;

import io.latchkey.application.usecase.RelayMailCommand;
import io.latchkey.application.usecase.RelayMailUseCase;
import io.latchkey.application.usecase.RelayResult;
import io.latchkey.domain.model.mail.QueuedMail;
import io.latchkey.domain.model.outbox.RetryPolicy;
import io.latchkey.domain.port.MailOutbox;
import io.latchkey.domain.port.MailTransport;
import io.latchkey.domain.port.TransactionRunner;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * One mail relay round in one transaction: claim due mails (skip-locked), drop the expired ones unsent, write the
 * ones written at send time (verification codes, password resets), send the rest one by one, remove each one sent and reschedule each
 * failure with back-off. A crash after sending but before commit sends that mail again: at least once, never lost
 * during an SMTP outage.
 */
public final class RelayMailService implements RelayMailUseCase {

    private static final Logger log = LoggerFactory.getLogger(RelayMailService.class);

    private final MailOutbox outbox;
    private final MailTransport transport;
    private final MailWriter writer;
    private final TransactionRunner transactions;
    private final RetryPolicy retry;
    private final InstantSource clock;

    public RelayMailService(MailOutbox outbox, MailTransport transport, MailWriter writer,
            TransactionRunner transactions, RetryPolicy retry, InstantSource clock) {
        this.outbox = outbox;
        this.transport = transport;
        this.writer = writer;
        this.transactions = transactions;
        this.retry = retry;
        this.clock = clock;
    }

    @Override
    public Mono<RelayResult> relay(RelayMailCommand command) {
        return transactions.inTransaction(Mono.defer(() -> {
            Instant now = clock.instant();
            AtomicBoolean transportFailed = new AtomicBoolean();
            // After one failure the rest of the batch is left for a later round: a dead SMTP server costs one
            // timeout per round, not one per mail, while this transaction holds its rows.
            return outbox.claimDue(command.batchSize(), now)
                    .concatMap(queued -> transportFailed.get() ? Mono.just(RelayResult.NOTHING)
                            : deliver(queued, now, transportFailed))
                    .reduce(RelayResult.NOTHING, (total, one) -> new RelayResult(total.published() + one.published(),
                            total.failed() + one.failed()));
        }));
    }

    private Mono<RelayResult> deliver(QueuedMail queued, Instant now, AtomicBoolean transportFailed) {
        if (queued.expiredAt(clock.instant())) {
            log.info("dropping {}: it expired before it could be sent", queued);
            return outbox.remove(queued.id()).thenReturn(RelayResult.NOTHING);
        }
        return writer.write(queued, now)
                .flatMap(mail -> transport.send(mail).thenReturn(new RelayResult(1, 0)))
                .defaultIfEmpty(RelayResult.NOTHING)
                .flatMap(result -> outbox.remove(queued.id()).thenReturn(result))
                .onErrorResume(e -> {
                    transportFailed.set(true);
                    int attempts = queued.attempts() + 1;
                    log.warn("sending {} failed (attempt {}), will retry: {}", queued, attempts, e.toString());
                    return outbox.markFailed(queued.id(), attempts, now.plus(retry.delayAfter(attempts)))
                            .thenReturn(new RelayResult(0, 1));
                });
    }
}
