package io.latchkey.adapters.web.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The signing keys: one active RSA private key that signs, plus the public halves of every configured key
 * (active and retired), which verify and are published in the JWKS until their tokens have expired.
 */
public final class SigningKeyRing {

    public static final JWSAlgorithm ALGORITHM = JWSAlgorithm.RS256;

    private final RSAKey activeKey;
    private final JWKSet publicKeys;
    private final Map<String, Object> publishedJson;

    private SigningKeyRing(RSAKey activeKey, List<JWK> allKeys) {
        this.activeKey = activeKey;
        this.publicKeys = new JWKSet(allKeys.stream().map(JWK::toPublicJWK).toList());
        this.publishedJson = publicKeys.toJSONObject(true);
    }

    /**
     * From a JWK set holding RSA keys; {@code activeKid} names the one that signs and must hold its private
     * half. Retired keys may be public only.
     */
    public static SigningKeyRing fromJwkSet(String jwkSetJson, String activeKid) {
        try {
            JWKSet set = JWKSet.parse(jwkSetJson);
            for (JWK key : set.getKeys()) {
                if (!(key instanceof RSAKey) || key.getKeyID() == null) {
                    throw new IllegalArgumentException("every signing key must be an RSA key with a kid");
                }
                if (key.getAlgorithm() != null && !ALGORITHM.equals(key.getAlgorithm())) {
                    throw new IllegalArgumentException("key " + key.getKeyID() + " is not for " + ALGORITHM);
                }
            }
            JWK active = set.getKeyByKeyId(Objects.requireNonNull(activeKid, "activeKid"));
            if (!(active instanceof RSAKey rsa) || !rsa.isPrivate()) {
                throw new IllegalArgumentException("active key " + activeKid + " is missing or has no private part");
            }
            if (rsa.size() < 2048) {
                throw new IllegalArgumentException("RSA keys must be at least 2048 bits");
            }
            return new SigningKeyRing(rsa, set.getKeys());
        } catch (ParseException e) {
            throw new IllegalArgumentException("signing keys are not a valid JWK set: " + e.getMessage(), e);
        }
    }

    /** A fresh 2048-bit key that lives as long as this process: for local runs and tests only. */
    public static SigningKeyRing ephemeral() {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyID("ephemeral-" + UUID.randomUUID())
                    .keyUse(KeyUse.SIGNATURE).algorithm(ALGORITHM).generate();
            return new SigningKeyRing(key, List.of(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an RSA key", e);
        }
    }

    public RSAKey activeKey() {
        return activeKey;
    }

    public JWKSet publicKeys() {
        return publicKeys;
    }

    /** The JWKS document: public parameters only. */
    public Map<String, Object> publishedJson() {
        return publishedJson;
    }
}
