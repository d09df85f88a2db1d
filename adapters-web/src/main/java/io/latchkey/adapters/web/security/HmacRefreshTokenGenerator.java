package io.latchkey.adapters.web.security;

import io.latchkey.domain.model.token.RefreshToken;
import io.latchkey.domain.port.RefreshTokenGenerator;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * First tokens are 256 random bits; a successor is HMAC-SHA256(server secret, predecessor). Without the
 * secret nobody can derive a successor, and the server can re-derive it for a grace-window retry.
 */
@Component
class HmacRefreshTokenGenerator implements RefreshTokenGenerator {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final SecureRandom random = new SecureRandom();
    private final SecretKeySpec key;

    HmacRefreshTokenGenerator(RefreshTokenSecret secret) {
        this.key = new SecretKeySpec(secret.bytes(), "HmacSHA256");
    }

    @Override
    public RefreshToken newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return new RefreshToken(BASE64URL.encodeToString(bytes));
    }

    @Override
    public RefreshToken successorOf(RefreshToken presented) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return new RefreshToken(BASE64URL.encodeToString(mac.doFinal(presented.value().getBytes(StandardCharsets.US_ASCII))));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
