package io.latchkey.bootstrap;

import io.latchkey.application.usecase.RelayResult;
import io.latchkey.domain.model.outbox.OutboxBacklog;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Tells operators about failing event publication as the outbox relay sees it, in a bounded number of lines: one
 * when publishing starts failing (a round that published nothing, or two failing rounds in a row), a summary
 * (pending events, oldest age) every {@code summaryInterval} while it lasts, and one when it is over: publishing
 * works again and nothing that was created before it did still waits. Single failed publications are not logged
 * here: they carry user ids, and an outage has thousands of them (the relay warns once per event that keeps failing).
 *
 * <p>The backlog query runs only during an outage, at most once per {@code min(summaryInterval, 5 s)}, and is
 * abandoned after {@code queryTimeout}: relay rounds are woken by every commit and must not each cost a scan.
 */
final class EventStreamOutageLog {

    private static final Logger log = LoggerFactory.getLogger(EventStreamOutageLog.class);
    private static final Duration MAX_CHECK_INTERVAL = Duration.ofSeconds(5);

    private enum Phase { FAILING, DRAINING }

    /**
     * Where an outage stands; {@code recoveredAt} is set while the events left from it drain after publishing works
     * again, {@code lastCheck} is when the backlog was last asked for.
     */
    private record Outage(Phase phase, Instant since, @Nullable Instant recoveredAt, Instant lastSummary,
            Instant lastCheck, long failures, long delivered) {

        Outage checkedAt(Instant now) {
            return new Outage(phase, since, recoveredAt, lastSummary, now, failures, delivered);
        }
    }

    private final InstantSource clock;
    private final Duration summaryInterval;
    private final Duration checkInterval;
    private final Duration queryTimeout;
    private final Supplier<Mono<OutboxBacklog>> backlog;
    private @Nullable Outage outage;
    private boolean previousRoundFailed;

    EventStreamOutageLog(InstantSource clock, Duration summaryInterval, Duration queryTimeout,
            Supplier<Mono<OutboxBacklog>> backlog) {
        this.clock = clock;
        this.summaryInterval = summaryInterval;
        this.checkInterval = summaryInterval.compareTo(MAX_CHECK_INTERVAL) < 0 ? summaryInterval : MAX_CHECK_INTERVAL;
        this.queryTimeout = queryTimeout;
        this.backlog = backlog;
    }

    /** Takes one relay round into account. Rounds never overlap, so no two calls run at once. */
    Mono<Void> record(RelayResult round) {
        Instant now = clock.instant();
        Outage current = outage;
        boolean failedBefore = previousRoundFailed;
        previousRoundFailed = round.failed() > 0;
        if (current == null) {
            // One failure among successes is a hiccup; failures that persist, or a round with no success, are not.
            if (round.failed() > 0 && (round.published() == 0 || failedBefore)) {
                outage = new Outage(Phase.FAILING, now, null, now, now, round.failed(), round.published());
                log.warn("Event stream publishing failing: {} of {} event(s) of a relay round could not be published. "
                                + "They stay in the outbox and are retried with back-off; revocations stay effective "
                                + "(written through to Redis). A summary follows every {} until it is over.",
                        round.failed(), round.failed() + round.published(), human(summaryInterval));
            }
            return Mono.empty();
        }
        Outage next;
        if (round.failed() > 0) {
            next = new Outage(Phase.FAILING, current.since(), null, current.lastSummary(), current.lastCheck(),
                    current.failures() + round.failed(), current.delivered() + round.published());
        } else if (round.published() > 0 && current.phase() == Phase.FAILING) {
            next = new Outage(Phase.DRAINING, current.since(), now, current.lastSummary(), current.lastCheck(),
                    current.failures(), current.delivered() + round.published());
        } else {
            next = new Outage(current.phase(), current.since(), current.recoveredAt(), current.lastSummary(),
                    current.lastCheck(), current.failures(), current.delivered() + round.published());
        }
        boolean summaryDue = !Duration.between(next.lastSummary(), now).minus(summaryInterval).isNegative();
        boolean checkDue = next.phase() == Phase.DRAINING
                && !Duration.between(next.lastCheck(), now).minus(checkInterval).isNegative();
        if (!summaryDue && !checkDue) {
            outage = next;
            return Mono.empty();
        }
        Outage checked = next.checkedAt(now);
        outage = checked;
        return backlog.get().timeout(queryTimeout).doOnNext(left -> {
            if (round.failed() == 0 && drained(checked, left, now)) {
                end(checked, now);
            } else if (summaryDue) {
                summarise(checked, left, now);
            }
        }).onErrorResume(e -> Mono.empty()).then();
    }

    /**
     * Nothing waits that was created before publishing worked again (what still waits is ordinary traffic), or
     * nothing waits at all: another instance may have delivered everything while this one published nothing.
     */
    private static boolean drained(Outage outage, OutboxBacklog left, Instant now) {
        Instant back = outage.recoveredAt();
        return left.pending() == 0 || back != null && left.oldestAge().compareTo(Duration.between(back, now)) < 0;
    }

    private void end(Outage ended, Instant now) {
        outage = null;
        Instant back = ended.recoveredAt() == null ? now : ended.recoveredAt();
        log.warn("Event stream back: publishing failed for {}; nothing from before its return waits in the outbox any "
                        + "more (checked {} after it), {} event(s) delivered by this instance during the outage, {} "
                        + "failed attempts in all",
                human(Duration.between(ended.since(), back)), human(Duration.between(back, now)), ended.delivered(),
                ended.failures());
    }

    private void summarise(Outage current, OutboxBacklog left, Instant now) {
        outage = new Outage(current.phase(), current.since(), current.recoveredAt(), now, current.lastCheck(),
                current.failures(), current.delivered());
        log.warn("Event stream {} for {}: {} event(s) pending, the oldest waiting {}; {} failed attempts, {} delivered",
                current.phase() == Phase.FAILING ? "publishing still failing" : "back, outbox still draining",
                human(Duration.between(current.since(), now)), left.pending(), human(left.oldestAge()),
                current.failures(), current.delivered());
    }

    private static String human(Duration duration) {
        return duration.truncatedTo(ChronoUnit.MILLIS).toString().substring(2).toLowerCase(Locale.ROOT);
    }
}
