package io.latchkey.adapters.web.security;

/** How many verified tokens one instance remembers (each entry ~1 KiB with its token string). */
public record VerifiedTokenCacheSettings(long maxEntries) {

    public VerifiedTokenCacheSettings {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive");
        }
    }
}
