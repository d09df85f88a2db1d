package io.latchkey.bootstrap.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.test.context.TestPropertySource;

/** {@link TracingCostBench} with tracing off, the service's default (a no-op tracer). */
@EnabledIfSystemProperty(named = "latchkey.bench.tracing", matches = "true")
@TestPropertySource(properties = "management.opentelemetry.enabled=false")
class TracingCostOffBenchIT extends IntegrationTest {

    @Test
    void printsTheAllocationPerRequestWithTracingOff() {
        TracingCostBench.measure(this, "tracing-off");
    }
}
