package io.latchkey.adapters.web.security;

/** Argon2id cost parameters and how many hashes may wait for a core. */
public record PasswordHashingSettings(int memoryKib, int iterations, int maxQueued) {

    public static final PasswordHashingSettings OWASP = new PasswordHashingSettings(19 * 1024, 2, 10_000);

    public PasswordHashingSettings {
        if (memoryKib < 1024 || iterations < 1 || maxQueued < 1) {
            throw new IllegalArgumentException("Argon2 parameters out of range");
        }
    }
}
