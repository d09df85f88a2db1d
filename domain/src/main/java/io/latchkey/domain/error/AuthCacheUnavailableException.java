package io.latchkey.domain.error;

/**
 * The auth cache did not answer. Callers that can check the store of record instead (through a bounded fallback)
 * recognise it by its type; everyone else sees a {@link DependencyUnavailableException}: 503 with {@code Retry-After}.
 */
public final class AuthCacheUnavailableException extends DependencyUnavailableException {

    public static final String DEPENDENCY = "auth-cache";

    public AuthCacheUnavailableException(Throwable cause) {
        super(DEPENDENCY, cause);
    }
}
