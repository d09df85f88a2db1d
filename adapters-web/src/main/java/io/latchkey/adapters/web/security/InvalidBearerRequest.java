package io.latchkey.adapters.web.security;

import org.springframework.security.core.AuthenticationException;

/**
 * A request whose credentials are malformed rather than wrong (RFC 6750 §3.1 {@code invalid_request}): answered
 * 400 before any token is looked at. The message is the problem's {@code detail}.
 */
final class InvalidBearerRequest extends AuthenticationException {

    InvalidBearerRequest(String detail) {
        super(detail);
    }
}
