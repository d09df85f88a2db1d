package io.latchkey.bootstrap;

import io.latchkey.application.usecase.RelayResult;
import io.latchkey.domain.model.outbox.OutboxBacklog;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Tells operators about an event-stream outage as the outbox relay sees it, in a bounded number of lines: one
 * when publishing starts failing, a summary (pending events, oldest age) every {@code summaryInterval} while it
 * lasts, and one when everything that waited has been delivered, with how long it lasted and how many events went
 * out. Single failed publications are not logged: they carry user ids, and an outage has thousands of them.
 */
final class EventStreamOutageLog {

    private static final Logger log = LoggerFactory.getLogger(EventStreamOutageLog.class);

    private enum Phase { DOWN, DRAINING }

    /** Where an outage stands; {@code recoveredAt} is set while the backlog drains after publishing works again. */
    private record Outage(Phase phase, Instant since, @Nullable Instant recoveredAt, Instant lastSummary, long failures,
            long delivered) {
    }

    private final InstantSource clock;
    private final Duration summaryInterval;
    private final Supplier<Mono<OutboxBacklog>> backlog;
    private @Nullable Outage outage;

    EventStreamOutageLog(InstantSource clock, Duration summaryInterval, Supplier<Mono<OutboxBacklog>> backlog) {
        this.clock = clock;
        this.summaryInterval = summaryInterval;
        this.backlog = backlog;
    }

    /** Takes one relay round into account. Rounds never overlap, so no two calls run at once. */
    Mono<Void> record(RelayResult round) {
        Instant now = clock.instant();
        Outage current = outage;
        if (current == null) {
            if (round.failed() > 0 && round.published() == 0) {
                outage = new Outage(Phase.DOWN, now, null, now, round.failed(), 0);
                log.warn("Event stream unreachable: {} event(s) could not be published. They stay in the outbox and are "
                        + "retried with back-off; revocations stay effective (written through to Redis). A summary "
                        + "follows every {} until it is back.", round.failed(), human(summaryInterval));
            }
            return Mono.empty();
        }
        Outage next;
        if (round.failed() > 0) {
            next = new Outage(Phase.DOWN, current.since(), null, current.lastSummary(),
                    current.failures() + round.failed(), current.delivered() + round.published());
        } else if (round.published() > 0 && current.phase() == Phase.DOWN) {
            next = new Outage(Phase.DRAINING, current.since(), now, current.lastSummary(), current.failures(),
                    current.delivered() + round.published());
        } else {
            next = new Outage(current.phase(), current.since(), current.recoveredAt(), current.lastSummary(),
                    current.failures(), current.delivered() + round.published());
        }
        outage = next;
        boolean summaryDue = Duration.between(next.lastSummary(), now).compareTo(summaryInterval) >= 0;
        // While draining, every round asks whether anything still waits; while down, only when a summary is due.
        if (next.phase() == Phase.DOWN && !summaryDue) {
            return Mono.empty();
        }
        return backlog.get().doOnNext(left -> {
            if (left.pending() == 0 && round.failed() == 0) {
                end(next, now);
            } else if (summaryDue) {
                summarise(next, left, now);
            }
        }).onErrorResume(e -> Mono.empty()).then();
    }

    private void end(Outage ended, Instant now) {
        outage = null;
        Instant back = ended.recoveredAt() == null ? now : ended.recoveredAt();
        log.warn("Event stream back: publishing failed for {}; nothing waits in the outbox any more, {} event(s) "
                        + "delivered by this instance during the outage (the last within {} of its return), {} failed attempts in all",
                human(Duration.between(ended.since(), back)), ended.delivered(), human(Duration.between(back, now)),
                ended.failures());
    }

    private void summarise(Outage current, OutboxBacklog left, Instant now) {
        outage = new Outage(current.phase(), current.since(), current.recoveredAt(), now, current.failures(),
                current.delivered());
        log.warn("Event stream {} for {}: {} event(s) pending, the oldest waiting {}; {} failed attempts, {} delivered",
                current.phase() == Phase.DOWN ? "still unreachable" : "back, outbox still draining",
                human(Duration.between(current.since(), now)), left.pending(), human(left.oldestAge()),
                current.failures(), current.delivered());
    }

    private static String human(Duration duration) {
        return duration.truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString().substring(2).toLowerCase(java.util.Locale.ROOT);
    }
}
