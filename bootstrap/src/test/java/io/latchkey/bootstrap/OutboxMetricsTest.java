package io.latchkey.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.latchkey.domain.model.outbox.OutboxBacklog;
import io.latchkey.domain.model.outbox.OutboxMessage;
import io.latchkey.domain.port.OutboxRepository;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class OutboxMetricsTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-30T12:00:00Z"));
    private volatile boolean databaseDown;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final OutboxMetrics metrics = new OutboxMetrics(new BacklogOnly(), now::get, meters);

    /** Only the backlog query is read by the metrics; it fails while the database is down. */
    private final class BacklogOnly implements OutboxRepository {
        @Override
        public Flux<OutboxMessage> claimDue(int limit, Instant at) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Mono<Void> markPublished(Collection<UUID> eventIds, Instant at) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Mono<Void> markFailed(UUID eventId, int attempts, Instant nextAttemptAt) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Mono<Long> deletePublishedBefore(Instant cutoff, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Mono<OutboxBacklog> backlog() {
            return Mono.defer(() -> databaseDown ? Mono.error(new IllegalStateException("connection refused"))
                    : Mono.just(new OutboxBacklog(7, Duration.ofSeconds(3))));
        }
    }

    private double gauge(String name) {
        return meters.get(name).gauge().value();
    }

    private void advance(Duration duration) {
        now.set(now.get().plus(duration));
    }

    @Test
    void givenRefreshesThatFail_theReadingAgeShowsTheGaugesAreStale() {
        metrics.refresh().block();
        assertThat(gauge("latchkey.outbox.backlog.reading.age")).isZero();
        assertThat(gauge("latchkey.outbox.pending")).isEqualTo(7.0);

        databaseDown = true;
        for (int i = 0; i < 12; i++) {
            advance(Duration.ofSeconds(5));
            metrics.refresh().block();
        }
        assertThat(gauge("latchkey.outbox.backlog.reading.age")).as("a minute without a reading").isEqualTo(60.0);
        assertThat(gauge("latchkey.outbox.pending")).as("the last reading is kept").isEqualTo(7.0);
        assertThat(gauge("latchkey.outbox.oldest.age")).isEqualTo(63.0);

        databaseDown = false;
        advance(Duration.ofSeconds(5));
        metrics.refresh().block();
        assertThat(gauge("latchkey.outbox.backlog.reading.age")).isZero();
        advance(Duration.ofSeconds(2));
        assertThat(gauge("latchkey.outbox.backlog.reading.age")).as("ages between refreshes too").isEqualTo(2.0);
    }
}
