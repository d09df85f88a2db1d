package io.latchkey.adapters.web.security;

/**
 * Argon2id cost parameters, and how many requests that check or set a password may be in flight at once
 * ({@link PasswordCheckAdmission}); the rest are shed.
 */
public record PasswordHashingSettings(int memoryKib, int iterations, int maxConcurrentChecks) {

    public static final PasswordHashingSettings OWASP = new PasswordHashingSettings(19 * 1024, 2, defaultConcurrentChecks());

    public PasswordHashingSettings {
        if (memoryKib < 1024 || iterations < 1 || maxConcurrentChecks < 1) {
            throw new IllegalArgumentException("Argon2 parameters out of range");
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
