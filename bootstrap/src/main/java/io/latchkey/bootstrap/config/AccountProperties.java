package io.latchkey.bootstrap.config;

import io.latchkey.domain.model.abuse.LockoutPolicy;
import io.latchkey.domain.model.user.AccountPolicy;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code latchkey.accounts.*}: verification, reset and lockout. {@code reset-link-base}, when set, is the page
 * a reset mail links to, with the token appended (e.g. {@code https://app.example.com/reset?token=}).
 */
@ConfigurationProperties("latchkey.accounts")
public record AccountProperties(
        @DefaultValue("false") boolean loginRequiresVerifiedEmail,
        @DefaultValue("5m") Duration verificationCodeTtl,
        @DefaultValue("5") int maxCodeAttempts,
        @DefaultValue("30m") Duration resetTokenTtl,
        @Nullable String resetLinkBase,
        @DefaultValue("5") int lockoutThreshold,
        @DefaultValue("1m") Duration lockoutBase,
        @DefaultValue("1h") Duration lockoutMax,
        @DefaultValue("90d") Duration deviceTokenMaxAge) {

    AccountPolicy toPolicy() {
        return new AccountPolicy(loginRequiresVerifiedEmail, verificationCodeTtl, maxCodeAttempts, resetTokenTtl,
                resetLinkBase == null || resetLinkBase.isBlank() ? null : resetLinkBase, deviceTokenMaxAge);
    }

    LockoutPolicy toLockout() {
        return new LockoutPolicy(lockoutThreshold, lockoutBase, lockoutMax);
    }
}
