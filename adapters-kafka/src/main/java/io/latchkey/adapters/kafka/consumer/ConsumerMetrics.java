package io.latchkey.adapters.kafka.consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** {@code latchkey.events.handled{group}}: events handled for the first time (duplicates are not counted). */
final class ConsumerMetrics {

    private ConsumerMetrics() {
    }

    static Counter handled(MeterRegistry meters, String group) {
        return Counter.builder("latchkey.events.handled").description("Auth events handled once, after deduplication")
                .tag("group", group).register(meters);
    }
}
