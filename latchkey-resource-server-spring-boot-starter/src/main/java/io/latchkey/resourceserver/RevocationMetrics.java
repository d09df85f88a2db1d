package io.latchkey.resourceserver;

import io.latchkey.resourceserver.revocation.RevocationGate;
import io.latchkey.resourceserver.revocation.RevocationStore;
import io.latchkey.resourceserver.revocation.RevocationStream;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.time.Instant;

/** Gauges of the revocation set and its stream, under {@code latchkey.resource-server.*}. */
final class RevocationMetrics implements MeterBinder {

    private final RevocationStore store;
    private final RevocationStream stream;
    private final RevocationGate gate;

    RevocationMetrics(RevocationStore store, RevocationStream stream, RevocationGate gate) {
        this.store = store;
        this.stream = stream;
        this.gate = gate;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("latchkey.resource-server.revocations.entries", store, RevocationStore::sessionEntries)
                .tag("kind", "session").description("Revoked sessions held").register(registry);
        Gauge.builder("latchkey.resource-server.revocations.entries", store, RevocationStore::userEntries)
                .tag("kind", "user").description("Per-user not-before epochs held").register(registry);
        Gauge.builder("latchkey.resource-server.records.unreadable", stream, RevocationStream::unreadableRecords)
                .description("Auth-event records skipped as unreadable").register(registry);
        Gauge.builder("latchkey.resource-server.heartbeat.age", stream, s -> {
            Duration age = s.heartbeatAge(Instant.now());
            return age == null ? Double.NaN : age.toMillis() / 1000.0;
        }).baseUnit("seconds").description("Age of the stalest partition's newest relay heartbeat").register(registry);
        Gauge.builder("latchkey.resource-server.stream.consuming", stream, s -> s.consuming() ? 1 : 0)
                .description("1 while the stream's consumer runs, 0 between a failure and its restart")
                .register(registry);
        Gauge.builder("latchkey.resource-server.stream.restarts", stream, RevocationStream::restarts)
                .description("Times the stream's consumer failed and was started again").register(registry);
        Gauge.builder("latchkey.resource-server.heartbeats.future", stream, RevocationStream::futureHeartbeats)
                .description("Heartbeats ignored because they claimed a time ahead of this clock")
                .register(registry);
        Gauge.builder("latchkey.resource-server.stream.trusted", gate, g -> g.trusted(Instant.now()) ? 1 : 0)
                .description("1 while revocation decisions come from the stream, 0 while the fallback answers")
                .register(registry);
    }
}
