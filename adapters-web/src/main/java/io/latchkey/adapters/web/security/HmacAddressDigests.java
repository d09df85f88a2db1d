package io.latchkey.adapters.web.security;

import io.latchkey.domain.model.user.Email;
import io.latchkey.domain.port.AddressDigests;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * HMAC-SHA256 of the address key, keyed by an HKDF derivation of the refresh-token secret with its own info, so
 * every replica computes the same digest with no further secret to distribute, and the key is unrelated to any
 * other key derived from that secret.
 */
@Component
class HmacAddressDigests implements AddressDigests {

    private static final byte[] HKDF_SALT = "latchkey hkdf salt".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HKDF_INFO = "latchkey audit address digests v1".getBytes(StandardCharsets.US_ASCII);

    private final SecretKeySpec key;

    HmacAddressDigests(RefreshTokenSecret secret) {
        this.key = new SecretKeySpec(HmacKnownDevices.hkdfSha256(secret.bytes(), HKDF_SALT, HKDF_INFO), "HmacSHA256");
    }

    @Override
    public String of(Email address) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(address.key().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
