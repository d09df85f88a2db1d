package io.latchkey.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.latchkey.application.usecase.PublishRelayHeartbeatCommand;
import io.latchkey.domain.model.outbox.OutboxMessage;
import io.latchkey.domain.model.user.UserId;
import io.latchkey.domain.testfixtures.InMemoryOutbox;
import io.latchkey.domain.testfixtures.MutableInstantSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class PublishRelayHeartbeatServiceTest {

    private static final PublishRelayHeartbeatCommand COMMAND = new PublishRelayHeartbeatCommand(Duration.ofSeconds(5));

    private final MutableInstantSource clock = new MutableInstantSource(Instant.parse("2026-11-30T12:00:00Z"));
    private final InMemoryOutbox outbox = new InMemoryOutbox(clock);
    private final List<Instant> published = new CopyOnWriteArrayList<>();
    private final PublishRelayHeartbeatService service = new PublishRelayHeartbeatService(outbox,
            at -> Mono.fromRunnable(() -> published.add(at)), clock);

    @Test
    void givenAnEmptyOrFreshBacklog_publishesAHeartbeatStampedWithTheRelayWatermark() {
        assertThat(service.publish(COMMAND).block()).isTrue();
        outbox.add(message(clock.instant()));
        clock.advance(Duration.ofSeconds(4));
        assertThat(service.publish(COMMAND).block()).isTrue();

        // Empty: now. One event waiting for 4 s: its creation time, as everything before it has been relayed.
        assertThat(published).containsExactly(Instant.parse("2026-11-30T12:00:00Z"), Instant.parse("2026-11-30T12:00:00Z"));
    }

    @Test
    void givenAnEventWaitingLongerThanTheBound_withholdsTheHeartbeat() {
        outbox.add(message(clock.instant()));
        clock.advance(Duration.ofSeconds(6));

        assertThat(service.publish(COMMAND).block()).isFalse();
        assertThat(published).isEmpty();
    }

    private static OutboxMessage message(Instant at) {
        return new OutboxMessage(UUID.randomUUID(), new UserId(UUID.randomUUID()), "io.latchkey.session.revoked", at,
                "{}", 0);
    }
}
