package io.latchkey.bootstrap.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code latchkey.cache.*}: the per-instance near cache (TTL at most 5 s), the per-user Redis cache and the bounded
 * PostgreSQL fallback behind it.
 */
@ConfigurationProperties("latchkey.cache")
public record CacheProperties(
        @DefaultValue("1h") Duration profileTtl,
        @DefaultValue("64") int fallbackMaxConcurrent,
        @DefaultValue("true") boolean nearEnabled,
        @DefaultValue("3s") Duration nearTtl,
        @DefaultValue("100000") long nearMaxEntries,
        @DefaultValue("100000") long verifiedTokensMaxEntries) {
}
