package io.latchkey.bootstrap.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code latchkey.cache.*}: the per-user auth cache and the bounded PostgreSQL fallback behind it. */
@ConfigurationProperties("latchkey.cache")
public record CacheProperties(
        @DefaultValue("1h") Duration profileTtl,
        @DefaultValue("64") int fallbackMaxConcurrent) {
}
