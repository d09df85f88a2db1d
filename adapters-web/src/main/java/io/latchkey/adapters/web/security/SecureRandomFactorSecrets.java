package io.latchkey.adapters.web.security;

import io.latchkey.domain.model.mfa.RecoveryCode;
import io.latchkey.domain.model.mfa.TotpSecret;
import io.latchkey.domain.port.FactorSecretGenerator;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** TOTP secrets, recovery codes and challenge secrets from {@link SecureRandom}. */
@Component
class SecureRandomFactorSecrets implements FactorSecretGenerator {

    /** Crockford-like lower-case alphabet without 0/o, 1/l/i: easy to copy from paper. */
    private static final char[] CODE_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz".toCharArray();

    private final SecureRandom random = new SecureRandom();

    @Override
    public TotpSecret newTotpSecret() {
        byte[] bytes = new byte[TotpSecret.LENGTH];
        random.nextBytes(bytes);
        return new TotpSecret(bytes);
    }

    @Override
    public List<RecoveryCode> newRecoveryCodes() {
        Set<String> codes = new LinkedHashSet<>();
        while (codes.size() < RecoveryCode.COUNT) {
            StringBuilder code = new StringBuilder(RecoveryCode.LENGTH);
            for (int i = 0; i < RecoveryCode.LENGTH; i++) {
                code.append(CODE_ALPHABET[random.nextInt(CODE_ALPHABET.length)]);
            }
            codes.add(RecoveryCode.grouped(code.toString()));
        }
        return codes.stream().map(RecoveryCode::new).toList();
    }

    @Override
    public String newChallengeSecret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
