package io.latchkey.adapters.web.security;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;

/**
 * A form body that could not be read while looking for a token in it: too large (413) or malformed (400). The
 * message is the problem's {@code detail}.
 */
final class UnreadableForm extends AuthenticationException {

    private final HttpStatus status;

    UnreadableForm(HttpStatus status, String detail) {
        super(detail);
        this.status = status;
    }

    HttpStatus status() {
        return status;
    }
}
