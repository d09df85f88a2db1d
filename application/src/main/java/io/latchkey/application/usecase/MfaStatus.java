package io.latchkey.application.usecase;

/** The caller's second factors: TOTP {@code none}, {@code pending} or {@code active}, and unused recovery codes. */
public record MfaStatus(String totp, int recoveryCodesRemaining) {
}
