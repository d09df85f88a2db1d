package io.latchkey.adapters.web.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ConsoleMetricsTest {

    private final MeterRegistry meters = new SimpleMeterRegistry();
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-30T10:15:00Z"));
    private final InstantSource clock = () -> now.get();

    private Counter logins(String outcome) {
        return Counter.builder("latchkey.logins").tag("outcome", outcome).register(meters);
    }

    @Test
    void givenLoginsInTwoHours_charts_countEachHoursGrowthAndTheNewestBarIsThisHour() {
        ConsoleMetrics metrics = new ConsoleMetrics(meters, clock, Duration.ofDays(1));
        try {
            logins("success").increment(3);
            logins("invalid_credentials").increment(2);
            metrics.sample();
            now.set(Instant.parse("2026-11-30T11:05:00Z"));
            logins("success").increment(5);

            List<BarChart> charts = metrics.charts();

            BarChart success = charts.get(0);
            assertThat(success.title()).isEqualTo("Logins");
            assertThat(success.bars()).hasSize(ConsoleMetrics.HOURS);
            assertThat(success.bars().get(22).value()).isEqualTo(3);
            assertThat(success.bars().get(22).label()).isEqualTo("10:00");
            assertThat(success.bars().get(23).value()).isEqualTo(5);
            assertThat(success.latest()).isEqualTo(5);
            assertThat(success.peak()).isEqualTo(5);
            assertThat(success.bars().get(23).height()).isGreaterThan(success.bars().get(22).height());
            assertThat(charts.get(1).bars().get(22).value()).isEqualTo(2);
            assertThat(charts.get(1).latest()).isZero();
        } finally {
            metrics.destroy();
        }
    }

    @Test
    void givenAGauge_charts_showTheHighestSampleOfTheHour() {
        AtomicLong pending = new AtomicLong(7);
        Gauge.builder("latchkey.outbox.pending", pending, AtomicLong::get).register(meters);
        ConsoleMetrics metrics = new ConsoleMetrics(meters, clock, Duration.ofDays(1));
        try {
            pending.set(2);
            BarChart backlog = metrics.charts().get(3);
            assertThat(backlog.title()).isEqualTo("Outbox backlog (events)");
            assertThat(backlog.latest()).isEqualTo(7);
        } finally {
            metrics.destroy();
        }
    }
}
