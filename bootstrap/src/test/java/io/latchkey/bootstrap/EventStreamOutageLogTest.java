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
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

class EventStreamOutageLogTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-30T12:00:00Z"));
    private final AtomicReference<OutboxBacklog> backlog = new AtomicReference<>(OutboxBacklog.EMPTY);
    private final EventStreamOutageLog outageLog = new EventStreamOutageLog(now::get, Duration.ofSeconds(60), () -> Mono.fromSupplier(backlog::get));
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
        advance(Duration.ofSeconds(2));
        backlog.set(OutboxBacklog.EMPTY);
        round(40, 0);
        round(0, 0);

        List<String> messages = messages();
        assertThat(messages).hasSize(1 + 4 + 1);
        assertThat(messages.getFirst()).startsWith("Event stream unreachable: 3 event(s) could not be published");
        assertThat(messages.subList(1, 5)).allSatisfy(m -> assertThat(m).startsWith("Event stream still unreachable for "));
        assertThat(messages.get(1)).contains("for 1m: 72 event(s) pending, the oldest waiting 1m");
        assertThat(messages.getLast()).isEqualTo("Event stream back: publishing failed for 4m30s; nothing waits in the "
                + "outbox any more, 240 event(s) delivered by this instance during the outage (the last within 2s of its "
                + "return), 810 failed attempts in all");
    }

    @Test
    void givenABacklogThatDrainsSlowly_itSummarisesTheDrainAndEndsOnlyWhenNothingWaits() {
        round(0, 5);
        advance(Duration.ofSeconds(10));
        backlog.set(new OutboxBacklog(4, Duration.ofSeconds(10)));
        round(1, 0);
        advance(Duration.ofSeconds(30));
        round(0, 0);
        advance(Duration.ofSeconds(30));
        round(0, 0);
        assertThat(messages()).hasSize(2).last().asString()
                .startsWith("Event stream back, outbox still draining for 1m10s: 4 event(s) pending");
        backlog.set(OutboxBacklog.EMPTY);
        round(0, 0);
        assertThat(messages()).hasSize(3).last().asString().startsWith("Event stream back: publishing failed for 10s;");
    }

    @Test
    void givenSingleFailuresBetweenSuccesses_thereIsNoOutageToReport() {
        round(5, 0);
        round(4, 1);
        round(0, 0);
        assertThat(messages()).isEmpty();
    }
}
