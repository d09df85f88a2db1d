package io.latchkey.application.service;

import io.latchkey.application.usecase.RelayMailCommand;
import io.latchkey.application.usecase.RelayMailUseCase;
import io.latchkey.application.usecase.RelayResult;
import io.latchkey.domain.model.mail.MailRejectedException;
import io.latchkey.domain.model.mail.OutgoingMail;
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
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One mail relay round in one transaction: claim due mails (skip-locked), drop the expired ones unsent, write the
 * ones written at send time (verification codes, password resets; dropped when nobody should get them), send the
 * rest one by one, remove each one sent, drop each one refused for good, and reschedule the others with back-off.
 * A crash after sending but before commit sends that mail again: at least once, never lost during an SMTP outage.
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
            AtomicBoolean serverDown = new AtomicBoolean();
            // After the SMTP server fails once, the rest of the batch is left for a later round: a dead server costs
            // one timeout per round, not one per mail, while this transaction holds its rows.
            return outbox.claimDue(command.batchSize(), now)
                    .collectList()
                    .flatMapMany(Flux::fromIterable)
                    .concatMap(queued -> serverDown.get() ? Mono.just(RelayResult.NOTHING)
                            : deliver(queued, now, serverDown))
                    .reduce(RelayResult.NOTHING, RelayResult::plus);
        }));
    }

    private Mono<RelayResult> deliver(QueuedMail queued, Instant now, AtomicBoolean serverDown) {
        if (queued.expiredAt(clock.instant())) {
            log.info("dropping {}: it expired before it could be sent", queued);
            return dropped(queued);
        }
        // send() answers for every failure of its own, so what reaches onErrorResume failed while writing the mail
        // (Redis down for a code): it waits, and the mail server is not to blame.
        return writer.write(queued, now)
                .flatMap(mail -> send(queued, mail, now, serverDown))
                .switchIfEmpty(Mono.defer(() -> dropped(queued)))
                .onErrorResume(e -> reschedule(queued, now, "writing", e));
    }

    private Mono<RelayResult> send(QueuedMail queued, OutgoingMail mail, Instant now, AtomicBoolean serverDown) {
        return transport.send(mail)
                .then(outbox.remove(queued.id()))
                .thenReturn(new RelayResult(1, 0, 0))
                .onErrorResume(MailRejectedException.class, e -> {
                    log.warn("dropping {}: the mail server will never accept it: {}", queued, e.getMessage());
                    return dropped(queued);
                })
                .onErrorResume(e -> !(e instanceof MailRejectedException), e -> {
                    serverDown.set(true);
                    return reschedule(queued, now, "sending", e);
                });
    }

    private Mono<RelayResult> dropped(QueuedMail queued) {
        return outbox.remove(queued.id()).thenReturn(new RelayResult(0, 0, 1));
    }

    private Mono<RelayResult> reschedule(QueuedMail queued, Instant now, String step, Throwable error) {
        int attempts = queued.attempts() + 1;
        log.warn("{} {} failed (attempt {}), will retry: {}", step, queued, attempts, error.toString());
        return outbox.markFailed(queued.id(), attempts, now.plus(retry.delayAfter(attempts)))
                .thenReturn(new RelayResult(0, 1, 0));
    }
}
