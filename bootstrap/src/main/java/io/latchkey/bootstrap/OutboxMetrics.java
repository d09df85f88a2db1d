package io.latchkey.bootstrap;

import io.latchkey.domain.model.outbox.OutboxBacklog;
import io.latchkey.domain.port.OutboxRepository;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.InstantSource;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@code latchkey.outbox.pending} and {@code latchkey.outbox.oldest.age.seconds}: how far event publication is
 * behind. A growing age means the stream is unreachable; revocations still work (they are written through).
 */
@Component
class OutboxMetrics {

    private final OutboxRepository outbox;
    private final InstantSource clock;
    private final AtomicReference<OutboxBacklog> last = new AtomicReference<>(OutboxBacklog.EMPTY);

    OutboxMetrics(OutboxRepository outbox, InstantSource clock, MeterRegistry meters) {
        this.outbox = outbox;
        this.clock = clock;
        Gauge.builder("latchkey.outbox.pending", last, b -> b.get().pending())
                .description("Events committed but not yet published").register(meters);
        Gauge.builder("latchkey.outbox.oldest.age", last, b -> b.get().oldestAge().toMillis() / 1000.0)
                .baseUnit("seconds").description("Age of the oldest unpublished event").register(meters);
    }

    @Scheduled(fixedDelay = 5, timeUnit = TimeUnit.SECONDS)
    Mono<Void> refresh() {
        return outbox.backlog(clock.instant()).doOnNext(last::set).onErrorResume(e -> Mono.empty()).then();
    }
}
