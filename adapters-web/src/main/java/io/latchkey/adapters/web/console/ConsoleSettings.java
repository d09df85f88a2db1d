package io.latchkey.adapters.web.console;

import java.time.Duration;
import java.util.Objects;

/**
 * The console's session policy.
 *
 * @param idleTimeout how long a console session lives without a request
 * @param secureCookie whether the session cookie is {@code Secure} even on a plain-HTTP request (behind TLS termination)
 */
public record ConsoleSettings(Duration idleTimeout, boolean secureCookie) {

    public ConsoleSettings {
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("idleTimeout must be positive");
        }
    }
}
