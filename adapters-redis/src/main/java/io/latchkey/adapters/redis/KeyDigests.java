package io.latchkey.adapters.redis;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 of a key part (an email, an IP) under the Redis secret: no personal data in Redis key names. */
final class KeyDigests {

    private final SecretKeySpec key;

    KeyDigests(RedisSecret secret) {
        this.key = new SecretKeySpec(secret.bytes(), "HmacSHA256");
    }

    String of(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
