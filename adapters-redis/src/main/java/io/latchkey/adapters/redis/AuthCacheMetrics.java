package io.latchkey.adapters.redis;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** {@code latchkey.auth.cache.lookups{layer, result}}: hits and misses of each cache layer. */
final class AuthCacheMetrics {

    private AuthCacheMetrics() {
    }

    static Counter lookups(MeterRegistry meters, String layer, String result) {
        return Counter.builder("latchkey.auth.cache.lookups")
                .description("Session lookups per auth-cache layer")
                .tag("layer", layer).tag("result", result)
                .register(meters);
    }
}
