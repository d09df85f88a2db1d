package io.latchkey.bootstrap.config;

import io.latchkey.domain.model.mfa.MfaPolicy;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code latchkey.mfa.*}: step-up age, the administrators policy, MFA challenge lifetime and attempts, the issuer
 * authenticator apps show, and the AES-GCM keys that seal TOTP secrets ({@code secret-keys}: key id to a base64
 * 256-bit key; {@code active-secret-key}: the id new secrets are sealed with; keep retired keys listed while
 * secrets sealed with them exist).
 */
@ConfigurationProperties("latchkey.mfa")
public record MfaProperties(
        @DefaultValue("5m") Duration stepUpMaxAge,
        @DefaultValue("false") boolean requiredForAdmins,
        @DefaultValue("5m") Duration challengeTtl,
        @DefaultValue("5") int challengeAttempts,
        @DefaultValue("Latchkey") String totpIssuer,
        @DefaultValue Map<String, String> secretKeys,
        @Nullable String activeSecretKey) {

    MfaPolicy toPolicy() {
        return new MfaPolicy(stepUpMaxAge, requiredForAdmins, challengeTtl, challengeAttempts, totpIssuer);
    }

    @Override
    public String toString() {
        return "MfaProperties[stepUpMaxAge=" + stepUpMaxAge + ", requiredForAdmins=" + requiredForAdmins
                + ", secretKeys=" + secretKeys.keySet() + ", activeSecretKey=" + activeSecretKey + "]";
    }
}
