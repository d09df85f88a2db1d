package io.latchkey.bootstrap.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code latchkey.console.*}: the administrators' console at {@code /admin}, off unless enabled, and its session's
 * idle timeout. The cookie is {@code Secure} on TLS requests and whenever {@code latchkey.http.behind-tls} is set.
 */
@ConfigurationProperties("latchkey.console")
public record ConsoleProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("15m") Duration idleTimeout) {
}
