package io.latchkey.adapters.web.security;

import io.latchkey.domain.model.user.Email;
import io.latchkey.domain.port.KnownDevices;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Device tokens {@code 1.<device id>.<HMAC-SHA256(key, device id, address key)>}, the key derived from the
 * refresh-token secret (so every replica has it without one more secret to distribute). Nothing is stored: a
 * token proves itself, and changing the secret forgets every device.
 */
@Component
class HmacKnownDevices implements KnownDevices {

    private static final String VERSION = "1";
    private static final int MAX_TOKEN_LENGTH = 128;
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;

    HmacKnownDevices(RefreshTokenSecret secret) {
        this.key = new SecretKeySpec(mac(new SecretKeySpec(secret.bytes(), "HmacSHA256"),
                "latchkey device tokens v1"), "HmacSHA256");
    }

    @Override
    public String issue(Email address, UUID device) {
        return VERSION + "." + device + "." + signature(address, device);
    }

    @Override
    public Optional<UUID> verify(@Nullable String token, Email address) {
        if (token == null || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || !VERSION.equals(parts[0])) {
            return Optional.empty();
        }
        UUID device;
        try {
            device = UUID.fromString(parts[1]);
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
        boolean genuine = parts[1].equals(device.toString()) && MessageDigest.isEqual(
                signature(address, device).getBytes(StandardCharsets.US_ASCII), parts[2].getBytes(StandardCharsets.US_ASCII));
        return genuine ? Optional.of(device) : Optional.empty();
    }

    private String signature(Email address, UUID device) {
        return BASE64URL.encodeToString(mac(key, device + "\n" + address.key()));
    }

    private static byte[] mac(SecretKeySpec key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
