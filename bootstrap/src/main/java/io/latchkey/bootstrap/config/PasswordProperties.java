package io.latchkey.bootstrap.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code latchkey.password.*}: Argon2id cost (OWASP defaults) and the policy's length range: at least
 * {@code min-length} characters, at most {@code max-bytes} UTF-8 bytes (512 at most, what hashing accepts).
 */
@ConfigurationProperties("latchkey.password")
public record PasswordProperties(
        @DefaultValue("19456") int argon2MemoryKib,
        @DefaultValue("2") int argon2Iterations,
        @DefaultValue("10000") int maxQueuedHashes,
        @DefaultValue("8") int minLength,
        @DefaultValue("512") int maxBytes) {
}
