package io.latchkey.domain.error;

/**
 * A store the decision depends on did not answer. Answered as 503 with {@code Retry-After}: never as
 * 401 (that would log everyone out) and never by accepting the request on its signature alone.
 */
public sealed class DependencyUnavailableException extends AuthException permits AuthCacheUnavailableException {

    private final String dependency;

    public DependencyUnavailableException(String dependency, Throwable cause) {
        super(AuthErrorCode.DEPENDENCY_UNAVAILABLE, dependency + " unavailable", cause);
        this.dependency = dependency;
    }

    public String dependency() {
        return dependency;
    }
}
