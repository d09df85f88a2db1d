package io.latchkey.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.latchkey.application.usecase.RelayOutboxCommand;
import io.latchkey.application.usecase.RelayResult;
import io.latchkey.domain.model.outbox.OutboxMessage;
import io.latchkey.domain.model.outbox.RetryPolicy;
import io.latchkey.domain.model.user.UserId;
import io.latchkey.domain.port.EventStreamProducer;
import io.latchkey.domain.testfixtures.InMemoryOutbox;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

class RelayOutboxServiceTest {

    private final ServiceTestKit kit = new ServiceTestKit();
    private final InMemoryOutbox outbox = new InMemoryOutbox(kit.clock);
    private final List<UUID> published = new CopyOnWriteArrayList<>();
    private volatile boolean streamDown;
    private volatile UUID tooLarge;
    private final EventStreamProducer stream = message -> Mono.defer(() -> {
        if (streamDown) {
            return Mono.error(new IllegalStateException("broker unreachable"));
        }
        if (message.eventId().equals(tooLarge)) {
            return Mono.error(new RecordTooLargeException());
        }
        published.add(message.eventId());
        return Mono.empty();
    });
    private final RelayOutboxService relay = new RelayOutboxService(outbox, stream, kit.transactions,
            new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(8)), kit.clock);

    private OutboxMessage message() {
        OutboxMessage m = new OutboxMessage(UUID.randomUUID(), new UserId(UUID.randomUUID()), "io.latchkey.session.revoked",
                kit.clock.instant(), "{}", 0);
        outbox.add(m);
        return m;
    }

    @Test
    void givenDueMessages_relay_publishesThemOnceAndMarksThemPublished() {
        OutboxMessage a = message();
        OutboxMessage b = message();
        assertThat(relay.relay(new RelayOutboxCommand(10)).block()).isEqualTo(new RelayResult(2, 0));
        assertThat(relay.relay(new RelayOutboxCommand(10)).block()).isEqualTo(RelayResult.NOTHING);
        assertThat(published).containsExactly(a.eventId(), b.eventId());
    }

    @Test
    void givenStreamDown_relay_reschedulesWithGrowingBackOffAndDeliversAfterRecovery() {
        OutboxMessage a = message();
        streamDown = true;
        assertThat(relay.relay(new RelayOutboxCommand(10)).block()).isEqualTo(new RelayResult(0, 1));
        assertThat(outbox.row(a.eventId()).nextAttemptAt()).isEqualTo(kit.clock.instant().plusSeconds(1));
        assertThat(relay.relay(new RelayOutboxCommand(10)).block()).as("not due yet").isEqualTo(RelayResult.NOTHING);
        kit.clock.advance(Duration.ofSeconds(1));
        relay.relay(new RelayOutboxCommand(10)).block();
        assertThat(outbox.row(a.eventId()).nextAttemptAt()).isEqualTo(kit.clock.instant().plusSeconds(2));
        assertThat(outbox.backlog().block().pending()).isEqualTo(1);

        streamDown = false;
        kit.clock.advance(Duration.ofSeconds(2));
        assertThat(relay.relay(new RelayOutboxCommand(10)).block()).isEqualTo(new RelayResult(1, 0));
        assertThat(published).containsExactly(a.eventId());
    }

    /** Stands for the broker refusing one record while it takes the others. */
    private static final class RecordTooLargeException extends RuntimeException {
        RecordTooLargeException() {
            super("the message is 2000000 bytes when serialized");
        }
    }

    @Test
    void givenOneEventThatKeepsFailingWhileOthersGoOut_itIsWarnedAboutOnceByIdAndExceptionWithoutTheUser() {
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        Logger logger = (Logger) LoggerFactory.getLogger(RelayOutboxService.class);
        lines.start();
        logger.addAppender(lines);
        try {
            OutboxMessage bad = message();
            tooLarge = bad.eventId();
            for (int round = 0; round < 2 * RelayOutboxService.WARN_AFTER_ATTEMPTS; round++) {
                message();
                assertThat(relay.relay(new RelayOutboxCommand(10)).block().published()).isEqualTo(1);
                kit.clock.advance(Duration.ofSeconds(8));
            }
            assertThat(outbox.row(bad.eventId()).message().attempts()).isEqualTo(2 * RelayOutboxService.WARN_AFTER_ATTEMPTS);
            List<String> warnings = lines.list.stream().filter(e -> e.getLevel() == Level.WARN)
                    .map(ILoggingEvent::getFormattedMessage).toList();
            assertThat(warnings).singleElement().asString()
                    .contains(bad.eventId().toString(), "after " + RelayOutboxService.WARN_AFTER_ATTEMPTS + " attempts",
                            RecordTooLargeException.class.getName())
                    .doesNotContain(bad.userId().value().toString());
        } finally {
            logger.detachAppender(lines);
        }
    }

    @Test
    void givenBatchLimit_relay_claimsNoMore() {
        for (int i = 0; i < 5; i++) {
            message();
        }
        assertThat(relay.relay(new RelayOutboxCommand(3)).block().published()).isEqualTo(3);
        assertThat(relay.relay(new RelayOutboxCommand(3)).block().published()).isEqualTo(2);
    }
}
