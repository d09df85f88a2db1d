package io.latchkey.domain.model.auth;

/**
 * How many times a user's cached auth state has been purged, as each cache tier counts it ({@code local}: this
 * instance's copy, {@code shared}: the cache every instance shares). Opaque to callers: read it before loading the
 * record, hand it back with the fill, and the fill is dropped in every tier if either count moved. Not to be confused
 * with a session's rotation count nor with the account's auth epoch ({@code User.authEpoch}).
 */
public record PurgeCount(long local, long shared) {

    /** A count for caches with a single tier. */
    public static PurgeCount of(long shared) {
        return new PurgeCount(0, shared);
    }
}
