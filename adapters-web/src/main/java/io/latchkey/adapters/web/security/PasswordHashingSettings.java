package io.latchkey.adapters.web.security;

import java.time.Duration;

/**
 * Argon2id cost parameters, how many requests that check or set a password may be in flight at once
 * ({@link PasswordCheckAdmission}), how long the answer to a shed one is held back, and the nice value of the
 * hashing threads ({@link LowPriorityThreads}; 0 keeps the normal priority).
 */
public record PasswordHashingSettings(int memoryKib, int iterations, int maxConcurrentChecks, Duration shedHold,
        int hashingNice) {

    public static final Duration DEFAULT_SHED_HOLD = Duration.ofMillis(250);
    public static final int DEFAULT_HASHING_NICE = 5;
    public static final PasswordHashingSettings OWASP = new PasswordHashingSettings(19 * 1024, 2, defaultConcurrentChecks(),
            DEFAULT_SHED_HOLD, DEFAULT_HASHING_NICE);

    public PasswordHashingSettings {
        if (memoryKib < 1024 || iterations < 1 || maxConcurrentChecks < 1) {
            throw new IllegalArgumentException("Argon2 parameters out of range");
        }
        if (hashingNice < 0 || hashingNice > 19) {
            throw new IllegalArgumentException("latchkey.password.hashing-nice must be between 0 and 19, was " + hashingNice);
        }
        if (shedHold.isNegative() || shedHold.compareTo(Duration.ofSeconds(1)) > 0) {
            throw new IllegalArgumentException("latchkey.password.shed-hold must be between 0 and 1s, was " + shedHold);
        }
    }

    /**
     * Four per core: with one hashing thread per core and ~25-50 ms a hash, the last admitted request waits at most
     * about four hashes (~200 ms) for its turn, and each one in flight holds 19 MiB only while it hashes.
     */
    public static int defaultConcurrentChecks() {
        return 4 * Runtime.getRuntime().availableProcessors();
    }
}
