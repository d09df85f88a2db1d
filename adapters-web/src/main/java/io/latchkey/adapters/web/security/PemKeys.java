package io.latchkey.adapters.web.security;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * RSA keys in PEM, as {@code openssl} writes them: a PKCS#8 {@code PRIVATE KEY} (signing, or still
 * publishable) or an X.509 {@code PUBLIC KEY} (retired, verification only), each under its kid.
 */
public final class PemKeys {

    private PemKeys() {
    }

    /** Converts kid → PEM into the JWK set the key ring is built from. */
    public static String toJwkSet(Map<String, String> pemByKid) {
        List<JWK> keys = new ArrayList<>();
        new TreeMap<>(pemByKid).forEach((kid, pem) -> keys.add(toJwk(kid, pem)));
        return new JWKSet(keys).toString(false);
    }

    static RSAKey toJwk(String kid, String pem) {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            if (pem.contains("-----BEGIN PRIVATE KEY-----")) {
                RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(body(pem)));
                RSAPublicKey publicKey = (RSAPublicKey) rsa.generatePublic(
                        new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
                return new RSAKey.Builder(publicKey).privateKey(privateKey).keyID(kid).keyUse(KeyUse.SIGNATURE)
                        .algorithm(SigningKeyRing.ALGORITHM).build();
            }
            if (pem.contains("-----BEGIN PUBLIC KEY-----")) {
                RSAPublicKey publicKey = (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(body(pem)));
                return new RSAKey.Builder(publicKey).keyID(kid).keyUse(KeyUse.SIGNATURE)
                        .algorithm(SigningKeyRing.ALGORITHM).build();
            }
            throw new IllegalArgumentException("key " + kid + ": expected a PKCS#8 PRIVATE KEY or an X.509 PUBLIC KEY PEM");
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException("key " + kid + " is not a usable RSA key: " + e.getMessage(), e);
        }
    }

    private static byte[] body(String pem) {
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").strip());
    }
}
