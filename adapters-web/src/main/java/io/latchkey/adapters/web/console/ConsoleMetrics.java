package io.latchkey.adapters.web.console;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import org.springframework.beans.factory.DisposableBean;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

/**
 * This instance's meters, sampled once a minute into hourly buckets for the overview's charts: the counters'
 * growth per hour (logins, failed logins, rate-limit refusals) and the gauges' highest value in each hour (outbox
 * backlog and age, consumer lag). The history lives in memory, so it starts empty with the instance and shows this
 * instance only; Prometheus holds the fleet's.
 */
final class ConsoleMetrics implements DisposableBean {

    static final int HOURS = 24;
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:00").withZone(ZoneOffset.UTC);

    private final MeterRegistry meters;
    private final InstantSource clock;
    private final Map<String, Series> series = new LinkedHashMap<>();
    private final Disposable sampling;

    ConsoleMetrics(MeterRegistry meters, InstantSource clock, Duration interval) {
        this.meters = meters;
        this.clock = clock;
        series.put("Logins", new Series(true, registry -> counters(registry, "latchkey.logins", "success")));
        series.put("Failed logins", new Series(true,
                registry -> counters(registry, "latchkey.logins", "invalid_credentials")));
        series.put("Rate-limit refusals", new Series(true, registry -> counters(registry, "latchkey.logins", "rate_limited")
                + counters(registry, "latchkey.refreshes", "rate_limited")));
        series.put("Outbox backlog (events)", new Series(false, registry -> gauges(registry, "latchkey.outbox.pending")));
        series.put("Outbox oldest event (s)", new Series(false, registry -> gauges(registry, "latchkey.outbox.oldest.age")));
        series.put("Consumer lag (records)", new Series(false,
                registry -> gauges(registry, "kafka.consumer.fetch.manager.records.lag.max")));
        sample();
        this.sampling = Flux.interval(interval, interval).subscribe(tick -> sample());
    }

    /** Takes a sample now, so the page shows the latest values, then lays out one chart per series. */
    synchronized List<BarChart> charts() {
        sample();
        long thisHour = hourOf(clock.instant());
        List<String> labels = new ArrayList<>();
        for (long hour = thisHour - HOURS + 1; hour <= thisHour; hour++) {
            labels.add(HOUR.format(Instant.ofEpochSecond(hour * 3600)));
        }
        List<BarChart> charts = new ArrayList<>();
        series.forEach((title, s) -> {
            List<Double> values = new ArrayList<>();
            for (long hour = thisHour - HOURS + 1; hour <= thisHour; hour++) {
                values.add(s.buckets.getOrDefault(hour, 0.0));
            }
            charts.add(BarChart.of(title, labels, values));
        });
        return charts;
    }

    synchronized void sample() {
        long hour = hourOf(clock.instant());
        series.values().forEach(s -> s.sample(meters, hour));
    }

    @Override
    public void destroy() {
        sampling.dispose();
    }

    private static long hourOf(Instant instant) {
        return instant.getEpochSecond() / 3600;
    }

    private static double counters(MeterRegistry registry, String name, String outcome) {
        return registry.find(name).tag("outcome", outcome).counters().stream().mapToDouble(Counter::count).sum();
    }

    private static double gauges(MeterRegistry registry, String name) {
        return registry.find(name).gauges().stream().mapToDouble(Gauge::value).filter(v -> !Double.isNaN(v)).sum();
    }

    /** One chart's hourly buckets: a counter's growth, or a gauge's highest sample. */
    private static final class Series {
        private final boolean counter;
        private final ToDoubleFunction<MeterRegistry> read;
        private final TreeMap<Long, Double> buckets = new TreeMap<>();
        private double lastTotal;

        Series(boolean counter, ToDoubleFunction<MeterRegistry> read) {
            this.counter = counter;
            this.read = read;
        }

        void sample(MeterRegistry registry, long hour) {
            double value = read.applyAsDouble(registry);
            if (counter) {
                buckets.merge(hour, Math.max(0, value - lastTotal), Double::sum);
                lastTotal = value;
            } else {
                buckets.merge(hour, value, Math::max);
            }
            buckets.headMap(hour - HOURS, true).clear();
        }
    }
}
