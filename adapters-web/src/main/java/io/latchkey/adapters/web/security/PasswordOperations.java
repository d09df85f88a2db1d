package io.latchkey.adapters.web.security;

import java.util.Set;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;

/**
 * The operations that check or set a password, as "METHOD /path": the one list both the admission filter and the
 * API description read. A new operation that runs Argon2id is added here, the console's sign-in form included.
 */
public final class PasswordOperations {

    public static final Set<String> KEYS = Set.of("POST /api/v1/auth/login", "POST /api/v1/accounts",
            "POST /api/v1/password-reset/confirm", "POST /api/v1/me/password", "POST /api/v1/me/step-up",
            "DELETE /api/v1/me", "POST /admin/login");

    private PasswordOperations() {
    }

    static ServerWebExchangeMatcher matcher() {
        return RequestPaths.ofOperations(KEYS);
    }
}
