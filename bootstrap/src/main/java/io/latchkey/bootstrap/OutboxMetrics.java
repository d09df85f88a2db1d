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
 * the database never enters it. {@code latchkey.outbox.backlog.reading.age.seconds} says how old that measurement
 * is: when PostgreSQL cannot be read the last one is kept, and only this gauge shows that it is stale.
 */
@Component
class OutboxMetrics {

    private record Measurement(OutboxBacklog backlog, Instant at) {
    }

    private static final Duration REFRESH_TIMEOUT = Duration.ofSeconds(4);

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
        Gauge.builder("latchkey.outbox.backlog.reading.age", this, m -> m.readingAge().toMillis() / 1000.0)
                .baseUnit("seconds")
                .description("Time since the backlog was last measured (or since start): the two gauges above are "
                        + "only as fresh as this; it grows past the 5 s refresh while PostgreSQL cannot be read")
                .register(meters);
    }

    /** How long ago the reading behind {@link #current()} was taken. */
    Duration readingAge() {
        Duration age = Duration.between(last.get().at(), clock.instant());
        return age.isNegative() ? Duration.ZERO : age;
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
        // A failed or hung refresh keeps the last reading; latchkey.outbox.backlog.reading.age shows how old it is.
        return measure().timeout(REFRESH_TIMEOUT).onErrorResume(e -> Mono.empty()).then();
    }
}
