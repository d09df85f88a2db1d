package io.latchkey.bootstrap.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.test.context.TestPropertySource;

/** {@link TracingCostBench} without any tracing auto-configuration: Micrometer Observation alone. */
@EnabledIfSystemProperty(named = "latchkey.bench.tracing", matches = "true")
@TestPropertySource(properties = "spring.autoconfigure.exclude="
        + "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration,"
        + "org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration,"
        + "org.springframework.boot.micrometer.tracing.autoconfigure.NoopTracerAutoConfiguration")
class TracingCostBaselineBenchIT extends IntegrationTest {

    @Test
    void printsTheAllocationPerRequestWithoutTracing() {
        TracingCostBench.measure(this, "observation-only");
    }
}
