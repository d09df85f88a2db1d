package io.latchkey.adapters.web.security;

import io.latchkey.domain.port.OpaqueTokenGenerator;
import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.stereotype.Component;

/** 256 random bits, base64url without padding (43 characters, also a valid RFC 7636 code verifier). */
@Component
class SecureRandomOpaqueTokens implements OpaqueTokenGenerator {

    private final SecureRandom random = new SecureRandom();

    @Override
    public String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
