package io.latchkey.domain.model.abuse;

import java.util.Objects;

/**
 * The rate limit of each guessable action, per client IP and per account (keyed by the address key, whether or
 * not an account has it, so a limit reveals nothing). {@code resendPerAccount} is the resend cooldown.
 * {@code loginPerAccount} and {@code refreshFailuresPerIp} count failed attempts only.
 */
public record AbuseLimits(
        RateLimit loginPerIp,
        RateLimit loginPerAccount,
        RateLimit registerPerIp,
        RateLimit registerPerAccount,
        RateLimit verifyPerIp,
        RateLimit verifyPerAccount,
        RateLimit resendPerIp,
        RateLimit resendPerAccount,
        RateLimit resetPerIp,
        RateLimit resetPerAccount,
        RateLimit resetConfirmPerIp,
        RateLimit refreshFailuresPerIp) {

    public AbuseLimits {
        Objects.requireNonNull(loginPerIp, "loginPerIp");
        Objects.requireNonNull(loginPerAccount, "loginPerAccount");
        Objects.requireNonNull(registerPerIp, "registerPerIp");
        Objects.requireNonNull(registerPerAccount, "registerPerAccount");
        Objects.requireNonNull(verifyPerIp, "verifyPerIp");
        Objects.requireNonNull(verifyPerAccount, "verifyPerAccount");
        Objects.requireNonNull(resendPerIp, "resendPerIp");
        Objects.requireNonNull(resendPerAccount, "resendPerAccount");
        Objects.requireNonNull(resetPerIp, "resetPerIp");
        Objects.requireNonNull(resetPerAccount, "resetPerAccount");
        Objects.requireNonNull(resetConfirmPerIp, "resetConfirmPerIp");
        Objects.requireNonNull(refreshFailuresPerIp, "refreshFailuresPerIp");
    }
}
