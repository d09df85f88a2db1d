package io.latchkey.bootstrap.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code latchkey.password.*}: Argon2id cost (OWASP defaults) and the policy's length range: at least
 * {@code min-length} characters, at most {@code max-bytes} UTF-8 bytes (512 at most, what hashing accepts).
 * {@code max-concurrent-checks}: requests to password operations in flight before the next is shed with 503
 * (0, the default: four per core); {@code shed-hold}: how long that 503 is held back (0 to 1 s), so a client
 * retrying at once cannot turn the refusals into a flood of their own; {@code hashing-nice}: the Linux nice value of
 * the hashing threads (0 to 19), so the request path keeps most of the cores while a login flood hashes.
 */
@ConfigurationProperties("latchkey.password")
public record PasswordProperties(
        @DefaultValue("19456") int argon2MemoryKib,
        @DefaultValue("2") int argon2Iterations,
        @DefaultValue("0") int maxConcurrentChecks,
        @DefaultValue("250ms") Duration shedHold,
        @DefaultValue("5") int hashingNice,
        @DefaultValue("8") int minLength,
        @DefaultValue("512") int maxBytes) {
}
