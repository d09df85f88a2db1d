package io.latchkey.bootstrap;

import io.latchkey.domain.model.outbox.OutboxBacklog;
import io.latchkey.domain.port.OutboxRepository;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@code latchkey.outbox.pending} and {@code latchkey.outbox.oldest.age.seconds}: how far event publication is
 * behind. A growing age means the stream is unreachable; revocations still work (they are written through).
 * PostgreSQL measures the backlog every few seconds on its own clock; each scrape adds the time this instance's
 * clock has seen pass since, so the age grows between measurements and a clock offset between the instance and
 * the database never enters it.
 */
@Component
class OutboxMetrics {

    private record Measurement(OutboxBacklog backlog, Instant at) {
    }

    private final OutboxRepository outbox;
    private final InstantSource clock;
    private final AtomicReference<Measurement> last;

    OutboxMetrics(OutboxRepository outbox, InstantSource clock, MeterRegistry meters) {
        this.outbox = outbox;
        this.clock = clock;
        this.last = new AtomicReference<>(new Measurement(OutboxBacklog.EMPTY, clock.instant()));
        Gauge.builder("latchkey.outbox.pending", this, m -> m.current().pending())
                .description("Events committed but not yet published").register(meters);
        Gauge.builder("latchkey.outbox.oldest.age", this, m -> m.current().oldestAge().toMillis() / 1000.0)
                .baseUnit("seconds").description("Age of the oldest unpublished event (0 when none waits)").register(meters);
    }

    /** The backlog as of now: the last measurement, its oldest event aged by the time passed since. */
    OutboxBacklog current() {
        Measurement measurement = last.get();
        OutboxBacklog backlog = measurement.backlog();
        if (backlog.pending() == 0) {
            return backlog;
        }
        Duration since = Duration.between(measurement.at(), clock.instant());
        return new OutboxBacklog(backlog.pending(), backlog.oldestAge().plus(since.isNegative() ? Duration.ZERO : since));
    }

    /** Measures again; also what the outage log reads. */
    Mono<OutboxBacklog> measure() {
        // Deferred: a scheduled Mono is built once and re-subscribed, so nothing may be read while building it.
        return Mono.defer(() -> outbox.backlog()
                .doOnNext(backlog -> last.set(new Measurement(backlog, clock.instant()))));
    }

    @Scheduled(fixedDelay = 5, timeUnit = TimeUnit.SECONDS)
    Mono<Void> refresh() {
        return measure().onErrorResume(e -> Mono.empty()).then();
    }
}
