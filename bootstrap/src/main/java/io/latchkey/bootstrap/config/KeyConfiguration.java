package io.latchkey.bootstrap.config;

import io.latchkey.adapters.web.RefreshCookieSettings;
import io.latchkey.adapters.web.security.IntrospectionClients;
import io.latchkey.adapters.web.security.PemKeys;
import io.latchkey.adapters.web.security.RefreshTokenSecret;
import io.latchkey.adapters.web.security.SigningKeyRing;
import io.latchkey.adapters.web.security.TokenSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Key material from configuration. Without keys the service refuses to start, unless ephemeral keys were
 * explicitly allowed (local runs): then it generates them and says so loudly, because tokens will not
 * survive a restart nor verify on another replica.
 */
@Configuration(proxyBeanMethods = false)
class KeyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(KeyConfiguration.class);

    @Bean
    SigningKeyRing signingKeyRing(TokenProperties properties) {
        TokenProperties.Signing signing = properties.signing();
        String jwkSet = jwkSet(signing);
        if (jwkSet != null) {
            if (signing.activeKid() == null || signing.activeKid().isBlank()) {
                throw new IllegalStateException("latchkey.token.signing.active-kid is required with a jwk-set");
            }
            SigningKeyRing ring = SigningKeyRing.fromJwkSet(jwkSet, signing.activeKid());
            log.info("signing with key {}; {} key(s) published for verification", signing.activeKid(),
                    ring.publicKeys().getKeys().size());
            return ring;
        }
        requireEphemeralAllowed(signing, "latchkey.token.signing.jwk-set");
        SigningKeyRing ring = SigningKeyRing.ephemeral();
        log.warn("""

                ************************************************************************
                *  EPHEMERAL SIGNING KEY {} generated for this process only.
                *  Tokens die with the process and no other replica can verify them.
                *  Never run like this in production: set latchkey.token.signing.jwk-set.
                ************************************************************************""",
                ring.activeKey().getKeyID());
        return ring;
    }

    @Bean
    RefreshTokenSecret refreshTokenSecret(TokenProperties properties) {
        TokenProperties.Signing signing = properties.signing();
        if (signing.refreshSecret() != null && !signing.refreshSecret().isBlank()) {
            return RefreshTokenSecret.fromBase64(signing.refreshSecret());
        }
        requireEphemeralAllowed(signing, "latchkey.token.signing.refresh-secret");
        log.warn("EPHEMERAL refresh-token secret generated: grace-window retries will not work across replicas or restarts");
        return RefreshTokenSecret.ephemeral();
    }

    @Bean
    RefreshCookieSettings refreshCookieSettings(TokenProperties properties) {
        if (!properties.cookie().secure()) {
            // Not refused: the local run serves plain HTTP on localhost, where browsers would drop Secure cookies.
            log.warn("COOKIES WITHOUT Secure (latchkey.token.cookie.secure=false): refresh and device cookies will "
                    + "travel over plain HTTP; only for a local run on http://localhost, never in production");
        }
        return new RefreshCookieSettings(properties.cookie().enabled(), properties.refreshIdleTtl(),
                properties.cookie().secure());
    }

    @Bean
    IntrospectionClients introspectionClients(IntrospectionProperties properties) {
        return new IntrospectionClients(properties.clients());
    }

    static @Nullable String jwkSet(TokenProperties.Signing signing) {
        if (signing.jwkSet() != null && !signing.jwkSet().isBlank()) {
            return signing.jwkSet();
        }
        if (signing.jwkSetFile() != null && !signing.jwkSetFile().isBlank()) {
            return read(signing.jwkSetFile());
        }
        if (!signing.pemKeyFiles().isEmpty()) {
            Map<String, String> pems = new LinkedHashMap<>();
            signing.pemKeyFiles().forEach((kid, file) -> pems.put(kid, read(file)));
            return PemKeys.toJwkSet(pems);
        }
        return null;
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read key file " + file, e);
        }
    }

    @Bean
    TokenSettings tokenSettings(TokenProperties properties) {
        return new TokenSettings(properties.issuer(), properties.audience(), properties.clientId(), properties.clockSkew(),
                properties.maxTokenLength());
    }

    private static void requireEphemeralAllowed(TokenProperties.Signing signing, String missing) {
        if (!signing.allowEphemeral()) {
            throw new IllegalStateException(missing + " is not set; configure key material "
                    + "(or set latchkey.token.signing.allow-ephemeral=true for a throw-away local run)");
        }
    }
}
