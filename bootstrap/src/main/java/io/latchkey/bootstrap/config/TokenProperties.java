package io.latchkey.bootstrap.config;

import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code latchkey.token.*}: issuer, audience, lifetimes and key material. */
@ConfigurationProperties("latchkey.token")
public record TokenProperties(
        @DefaultValue("http://localhost:8080") String issuer,
        @DefaultValue("latchkey") String audience,
        @DefaultValue("latchkey") String clientId,
        @DefaultValue("15m") Duration accessTokenTtl,
        @DefaultValue("1d") Duration refreshIdleTtl,
        @DefaultValue("30d") Duration sessionAbsoluteTtl,
        @DefaultValue("10s") Duration reuseGrace,
        @DefaultValue("60s") Duration clockSkew,
        @DefaultValue("4096") int maxTokenLength,
        @DefaultValue Signing signing,
        @DefaultValue Cookie cookie) {

    /** Cookie mode: the refresh token in an HttpOnly, Secure, SameSite=Strict cookie instead of the body. */
    public record Cookie(@DefaultValue("false") boolean enabled, @DefaultValue("true") boolean secure) {
    }

    /**
     * Key material. {@code jwkSet} (or the file {@code jwkSetFile}, e.g. a mounted secret) is a JWK set JSON
     * with RSA keys (the active one private); alternatively {@code pemKeyFiles} maps each kid to a PEM file
     * (PKCS#8 private key, or X.509 public key for a retired one). {@code activeKid}
     * names the signing key. {@code refreshSecret} is base64 of at least 32 random bytes, the same on every
     * replica. {@code allowEphemeral} lets a process without keys generate throw-away ones (local runs only).
     */
    public record Signing(
            @Nullable String jwkSet,
            @Nullable String jwkSetFile,
            @DefaultValue Map<String, String> pemKeyFiles,
            @Nullable String activeKid,
            @Nullable String refreshSecret,
            @DefaultValue("false") boolean allowEphemeral) {

        @Override
        public String toString() {
            return "Signing[activeKid=" + activeKid + ", allowEphemeral=" + allowEphemeral + "]";
        }
    }
}
