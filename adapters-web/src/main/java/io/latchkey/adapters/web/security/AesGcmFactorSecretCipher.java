package io.latchkey.adapters.web.security;

import io.latchkey.domain.model.mfa.SealedSecret;
import io.latchkey.domain.model.mfa.TotpSecret;
import io.latchkey.domain.port.FactorSecretCipher;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for factor secrets: a fresh 96-bit nonce per seal, stored in front of the ciphertext and its 128-bit
 * tag; the key id is stored beside it so configured keys can rotate (new secrets use the active key, old ones open
 * with theirs while it stays configured). Keys never appear in logs or {@code toString()}.
 */
public final class AesGcmFactorSecretCipher implements FactorSecretCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final byte[] CONTEXT = "latchkey factor secret v1".getBytes(StandardCharsets.US_ASCII);

    private final Map<String, SecretKeySpec> keys;
    private final String activeKeyId;
    private final SecureRandom random = new SecureRandom();

    /** The id of the key derived from the refresh-token secret, always available beside configured ones. */
    public static final String DERIVED_KEY_ID = "derived-1";
    private static final byte[] HKDF_SALT = "latchkey hkdf salt".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HKDF_INFO = "latchkey factor secrets v1".getBytes(StandardCharsets.US_ASCII);

    /** {@code base64Keys}: key id to a base64 256-bit key; {@code activeKeyId} must be one of them. */
    public AesGcmFactorSecretCipher(Map<String, String> base64Keys, String activeKeyId) {
        this(decoded(base64Keys), activeKeyId, true);
    }

    private AesGcmFactorSecretCipher(Map<String, byte[]> rawKeys, String activeKeyId, boolean unused) {
        Objects.requireNonNull(activeKeyId, "activeKeyId");
        Map<String, SecretKeySpec> parsed = new LinkedHashMap<>();
        rawKeys.forEach((id, key) -> {
            if (key.length != 32) {
                throw new IllegalArgumentException("factor-secret key " + id + " must be 32 bytes (base64), not "
                        + key.length);
            }
            parsed.put(id, new SecretKeySpec(key, "AES"));
        });
        if (!parsed.containsKey(activeKeyId)) {
            throw new IllegalArgumentException("the active factor-secret key " + activeKeyId + " is not configured");
        }
        this.keys = Map.copyOf(parsed);
        this.activeKeyId = activeKeyId;
    }

    /**
     * The configured keys plus {@link #DERIVED_KEY_ID}, derived from the refresh-token secret with HKDF-SHA256 (its own
     * salt and info, so it equals no other key derived from that secret); new secrets are sealed with
     * {@code activeKeyId}, or with the derived key when none is configured.
     */
    public static AesGcmFactorSecretCipher withDerivedKey(RefreshTokenSecret secret, Map<String, String> base64Keys,
            @org.jspecify.annotations.Nullable String activeKeyId) {
        Map<String, byte[]> keys = new LinkedHashMap<>(decoded(base64Keys));
        keys.put(DERIVED_KEY_ID, HmacKnownDevices.hkdfSha256(secret.bytes(), HKDF_SALT, HKDF_INFO));
        return new AesGcmFactorSecretCipher(keys, activeKeyId == null || activeKeyId.isBlank() ? DERIVED_KEY_ID
                : activeKeyId, true);
    }

    private static Map<String, byte[]> decoded(Map<String, String> base64Keys) {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        base64Keys.forEach((id, encoded) -> keys.put(id, Base64.getDecoder().decode(encoded.strip())));
        return keys;
    }

    @Override
    public SealedSecret seal(TotpSecret secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad(activeKeyId));
            byte[] sealed = cipher.doFinal(secret.value());
            return new SealedSecret(activeKeyId, ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sealing a factor secret failed", e);
        }
    }

    @Override
    public TotpSecret open(SealedSecret sealed) {
        SecretKeySpec key = keys.get(sealed.keyId());
        if (key == null) {
            throw new IllegalStateException("factor-secret key " + sealed.keyId() + " is no longer configured");
        }
        byte[] data = sealed.sealed();
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, data, 0, NONCE_BYTES));
            cipher.updateAAD(aad(sealed.keyId()));
            return new TotpSecret(cipher.doFinal(data, NONCE_BYTES, data.length - NONCE_BYTES));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a stored factor secret failed authentication", e);
        }
    }

    private static byte[] aad(String keyId) {
        byte[] id = keyId.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(CONTEXT.length + id.length).put(CONTEXT).put(id).array();
    }

    @Override
    public String toString() {
        return "AesGcmFactorSecretCipher[active=" + activeKeyId + ", keys=" + keys.keySet() + "]";
    }
}
