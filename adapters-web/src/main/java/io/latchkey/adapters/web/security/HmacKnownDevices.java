package io.latchkey.adapters.web.security;

import io.latchkey.domain.model.abuse.KnownDevice;
import io.latchkey.domain.model.user.Email;
import io.latchkey.domain.port.KnownDevices;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Device tokens {@code 2.<device id>.<issued at, epoch seconds>.<account epoch>.<HMAC-SHA256>} over those fields
 * and the address key. The key is derived from the refresh-token secret with HKDF-SHA256 (RFC 5869, its own salt
 * and info), so every replica has it without one more secret to distribute, and no refresh-token hash (an HMAC
 * keyed by the secret itself) can ever equal it. Nothing is stored: a token proves itself, and changing the secret
 * forgets every device.
 */
@Component
class HmacKnownDevices implements KnownDevices {

    private static final String VERSION = "2";
    private static final int MAX_TOKEN_LENGTH = 160;
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final byte[] HKDF_SALT = "latchkey hkdf salt".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HKDF_INFO = "latchkey device tokens v2".getBytes(StandardCharsets.US_ASCII);

    private final SecretKeySpec key;

    HmacKnownDevices(RefreshTokenSecret secret) {
        this.key = new SecretKeySpec(hkdfSha256(secret.bytes(), HKDF_SALT, HKDF_INFO), "HmacSHA256");
    }

    @Override
    public String issue(Email address, KnownDevice device) {
        String claims = device.id() + "." + device.issuedAt().getEpochSecond() + "." + device.epoch();
        return VERSION + "." + claims + "." + signature(claims, address);
    }

    @Override
    public Optional<KnownDevice> verify(@Nullable String token, Email address) {
        if (token == null || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 5 || !VERSION.equals(parts[0])) {
            return Optional.empty();
        }
        KnownDevice device;
        try {
            device = new KnownDevice(UUID.fromString(parts[1]), Instant.ofEpochSecond(Long.parseLong(parts[2])),
                    Long.parseLong(parts[3]));
        } catch (RuntimeException malformed) {
            return Optional.empty();
        }
        String claims = parts[1] + "." + parts[2] + "." + parts[3];
        boolean canonical = claims.equals(device.id() + "." + device.issuedAt().getEpochSecond() + "." + device.epoch());
        boolean genuine = canonical && MessageDigest.isEqual(signature(claims, address).getBytes(StandardCharsets.US_ASCII),
                parts[4].getBytes(StandardCharsets.US_ASCII));
        return genuine ? Optional.of(device) : Optional.empty();
    }

    private String signature(String claims, Email address) {
        return BASE64URL.encodeToString(mac(key, (claims + "\n" + address.key()).getBytes(StandardCharsets.UTF_8)));
    }

    /** HKDF-SHA256 extract-then-expand for one 32-byte output block. */
    static byte[] hkdfSha256(byte[] inputKey, byte[] salt, byte[] info) {
        byte[] prk = mac(new SecretKeySpec(salt, "HmacSHA256"), inputKey);
        byte[] block = new byte[info.length + 1];
        System.arraycopy(info, 0, block, 0, info.length);
        block[info.length] = 1;
        return mac(new SecretKeySpec(prk, "HmacSHA256"), block);
    }

    private static byte[] mac(SecretKeySpec key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
