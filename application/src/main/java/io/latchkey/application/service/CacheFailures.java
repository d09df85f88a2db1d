package io.latchkey.application.service;

import io.latchkey.domain.error.DependencyUnavailableException;

/** Recognises a failure of the auth cache (as opposed to the record or the request itself). */
final class CacheFailures {

    static final String CACHE = "redis";

    private CacheFailures() {
    }

    static boolean isCacheFailure(Throwable error) {
        return error instanceof DependencyUnavailableException d && CACHE.equals(d.dependency());
    }
}
