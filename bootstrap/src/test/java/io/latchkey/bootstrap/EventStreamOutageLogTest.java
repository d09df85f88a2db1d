package io.latchkey.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.latchkey.application.usecase.RelayResult;
import io.latchkey.domain.model.outbox.OutboxBacklog;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

class EventStreamOutageLogTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-30T12:00:00Z"));
    private final AtomicReference<OutboxBacklog> backlog = new AtomicReference<>(OutboxBacklog.EMPTY);
    private final AtomicInteger queries = new AtomicInteger();
    private final EventStreamOutageLog outageLog = new EventStreamOutageLog(now::get, Duration.ofSeconds(60),
            Duration.ofMillis(200), () -> Mono.fromSupplier(() -> {
                queries.incrementAndGet();
                return backlog.get();
            }));
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(EventStreamOutageLog.class);

    @BeforeEach
    void capture() {
        lines.start();
        logger.addAppender(lines);
    }

    @AfterEach
    void release() {
        logger.detachAppender(lines);
    }

    private void round(int published, int failed) {
        outageLog.record(new RelayResult(published, failed)).block();
    }

    private void advance(Duration duration) {
        now.set(now.get().plus(duration));
    }

    private List<String> messages() {
        return lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Test
    void givenAFourAndAHalfMinuteOutage_itLogsOnceAtTheStartOncePerMinuteAndOnceAtTheEnd() {
        round(3, 0);
        for (int second = 0; second < 270; second++) {
            backlog.set(new OutboxBacklog(12 + second, Duration.ofSeconds(second)));
            round(0, 3);
            advance(Duration.ofSeconds(1));
        }
        backlog.set(new OutboxBacklog(40, Duration.ofSeconds(271)));
        round(200, 0);
        advance(Duration.ofSeconds(5));
        backlog.set(OutboxBacklog.EMPTY);
        round(40, 0);
        round(0, 0);

        List<String> messages = messages();
        assertThat(messages).hasSize(1 + 4 + 1);
        assertThat(messages.getFirst()).startsWith("Event stream publishing failing: 3 of 3 event(s) of a relay round could "
                + "not be published");
        assertThat(messages.subList(1, 5)).allSatisfy(m -> assertThat(m).startsWith("Event stream publishing still failing for "));
        assertThat(messages.get(1)).contains("for 1m: 72 event(s) pending, the oldest waiting 1m");
        assertThat(messages.getLast()).isEqualTo("Event stream back: publishing failed for 4m30s; nothing from before its "
                + "return waits in the outbox any more (checked 5s after it), 240 event(s) delivered by this instance "
                + "during the outage, 810 failed attempts in all");
    }

    @Test
    void givenABacklogThatDrainsSlowly_itSummarisesTheDrainAndEndsOnlyWhenNothingWaits() {
        round(0, 5);
        advance(Duration.ofSeconds(10));
        backlog.set(new OutboxBacklog(4, Duration.ofSeconds(10)));
        round(1, 0);
        advance(Duration.ofSeconds(30));
        backlog.set(new OutboxBacklog(4, Duration.ofSeconds(40)));
        round(0, 0);
        advance(Duration.ofSeconds(30));
        backlog.set(new OutboxBacklog(4, Duration.ofSeconds(70)));
        round(0, 0);
        assertThat(messages()).hasSize(2).last().asString()
                .startsWith("Event stream back, outbox still draining for 1m10s: 4 event(s) pending");
        backlog.set(OutboxBacklog.EMPTY);
        advance(Duration.ofSeconds(5));
        round(0, 0);
        assertThat(messages()).hasSize(3).last().asString().startsWith("Event stream back: publishing failed for 10s;");
    }

    @Test
    void givenSteadyTrafficAfterTheOutage_itEndsOnceNothingFromBeforeTheReturnWaitsThoughTheOutboxIsNeverEmpty() {
        round(0, 5);
        advance(Duration.ofSeconds(30));
        backlog.set(new OutboxBacklog(50, Duration.ofSeconds(31)));
        round(3, 0);
        advance(Duration.ofSeconds(5));
        round(3, 0);
        assertThat(messages()).as("events from the outage still wait").hasSize(1);
        // New events keep arriving and are relayed within a second: the outbox is never empty.
        backlog.set(new OutboxBacklog(3, Duration.ofSeconds(1)));
        for (int second = 0; second < 600; second++) {
            advance(Duration.ofSeconds(1));
            round(3, 0);
        }
        assertThat(messages()).hasSize(2).last().asString().startsWith("Event stream back: publishing failed for 30s; "
                + "nothing from before its return waits in the outbox any more (checked 10s after it)");
        assertThat(messages()).noneMatch(m -> m.contains("still draining"));
    }

    @Test
    void givenAnotherInstanceDeliveredEverything_itEndsAtTheNextSummaryThoughThisOnePublishedNothing() {
        round(0, 3);
        advance(Duration.ofSeconds(60));
        backlog.set(OutboxBacklog.EMPTY);
        round(0, 0);
        assertThat(messages()).hasSize(2).last().asString().startsWith("Event stream back: publishing failed for 1m;");
    }

    @Test
    void givenPartialFailuresThatPersist_itReportsPublishingFailingNotAnUnreachableStream() {
        round(5, 1);
        assertThat(messages()).as("one failure among successes is a hiccup").isEmpty();
        round(7, 2);
        assertThat(messages()).singleElement().asString()
                .startsWith("Event stream publishing failing: 2 of 9 event(s) of a relay round could not be published");
        assertThat(messages()).noneMatch(m -> m.contains("unreachable"));
    }

    @Test
    void givenALoneEventThatFails_itIsNotCalledAnUnreachableStream() {
        round(0, 1);
        assertThat(messages()).singleElement().asString()
                .startsWith("Event stream publishing failing: 1 of 1 event(s)").doesNotContain("unreachable");
    }

    @Test
    void theBacklogIsQueriedOnlyDuringAnOutageAndAtMostOncePerCheckInterval() {
        for (int i = 0; i < 1000; i++) {
            round(2, 0);
            advance(Duration.ofMillis(10));
        }
        assertThat(queries).as("no query while publishing works").hasValue(0);
        round(0, 2);
        for (int i = 0; i < 5900; i++) {
            advance(Duration.ofMillis(10));
            round(0, 2);
        }
        assertThat(queries).as("while failing, one query per summary only").hasValue(0);
        advance(Duration.ofSeconds(1));
        round(0, 2);
        assertThat(queries).as("the summary's").hasValue(1);
        backlog.set(new OutboxBacklog(10, Duration.ofMinutes(5)));
        for (int i = 0; i < 2000; i++) {
            advance(Duration.ofMillis(10));
            round(2, 0);
        }
        assertThat(queries).as("while draining, one query per 5 s").hasValue(1 + 4);
    }

    @Test
    void givenABacklogQueryThatHangs_theRoundGoesOnAfterTheTimeout() {
        EventStreamOutageLog hanging = new EventStreamOutageLog(now::get, Duration.ofSeconds(1), Duration.ofMillis(100),
                Mono::never);
        hanging.record(new RelayResult(0, 1)).block(Duration.ofSeconds(5));
        advance(Duration.ofSeconds(2));
        hanging.record(new RelayResult(0, 1)).block(Duration.ofSeconds(5));
    }

    @Test
    void givenSingleFailuresBetweenSuccesses_thereIsNoOutageToReport() {
        round(5, 0);
        round(4, 1);
        round(0, 0);
        assertThat(messages()).isEmpty();
    }
}
