package io.latchkey.bootstrap.config;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code latchkey.admin.email} and {@code latchkey.admin.password}: the first administrator, created at start
 * (or granted ADMIN if the account exists). There is no default password: both are given, or neither.
 */
@ConfigurationProperties("latchkey.admin")
public record AdminProperties(@Nullable String email, @Nullable String password) {

    public AdminProperties {
        boolean hasEmail = email != null && !email.isBlank();
        boolean hasPassword = password != null && !password.isEmpty();
        if (hasEmail != hasPassword) {
            throw new IllegalArgumentException(
                    "latchkey.admin.email and latchkey.admin.password must be set together (there is no default password)");
        }
    }

    public boolean configured() {
        return email != null && !email.isBlank();
    }

    @Override
    public String toString() {
        return "AdminProperties[email=" + email + "]";
    }
}
