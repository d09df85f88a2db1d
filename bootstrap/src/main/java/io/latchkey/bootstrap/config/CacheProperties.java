package io.latchkey.bootstrap.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code latchkey.cache.*}: the per-instance near cache (TTL at most 5 s; copies of PostgreSQL answers taken while
 * Redis is down at most {@code near-fallback-ttl}) and its memory of revoked sessions, the
 * per-user Redis cache with its command timeout and circuit breaker, and the bounded PostgreSQL fallback behind it.
 */
@ConfigurationProperties("latchkey.cache")
public record CacheProperties(
        @DefaultValue("1h") Duration profileTtl,
        @DefaultValue("64") int fallbackMaxConcurrent,
        @DefaultValue("true") boolean nearEnabled,
        @DefaultValue("3s") Duration nearTtl,
        @DefaultValue("500ms") Duration nearFallbackTtl,
        @DefaultValue("100000") long nearMaxEntries,
        @DefaultValue("100000") long verifiedTokensMaxEntries,
        @DefaultValue("100000") long revokedSessionsMaxEntries,
        @DefaultValue("250ms") Duration redisTimeout,
        @DefaultValue("50") int breakerFailureRate,
        @DefaultValue("20") int breakerWindow,
        @DefaultValue("2s") Duration breakerOpenFor) {
}
