package io.latchkey.bootstrap.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** {@link TracingCostBench} with tracing on (the shared test context: sampling 0.1, no exporter). */
@EnabledIfSystemProperty(named = "latchkey.bench.tracing", matches = "true")
class TracingCostOnBenchIT extends IntegrationTest {

    @Test
    void printsTheAllocationPerRequestWithTracingOn() {
        TracingCostBench.measure(this, "tracing-on");
    }
}
