package io.latchkey.adapters.web.security;

import io.latchkey.domain.error.AuthException;
import org.springframework.security.core.AuthenticationException;

/** Carries the use case's failure through Spring Security's failure handler unchanged. */
final class AuthenticationFailure extends AuthenticationException {

    private final transient AuthException reason;

    AuthenticationFailure(AuthException reason) {
        super(reason.getMessage(), reason);
        this.reason = reason;
    }

    AuthException reason() {
        return reason;
    }
}
