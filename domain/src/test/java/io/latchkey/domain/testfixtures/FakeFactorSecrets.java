package io.latchkey.domain.testfixtures;

import io.latchkey.domain.model.mfa.RecoveryCode;
import io.latchkey.domain.model.mfa.SealedSecret;
import io.latchkey.domain.model.mfa.TotpSecret;
import io.latchkey.domain.port.FactorSecretCipher;
import io.latchkey.domain.port.FactorSecretGenerator;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Random secrets, and a cipher that only reverses the bytes (unit tests check flows, not cryptography). */
public final class FakeFactorSecrets implements FactorSecretGenerator, FactorSecretCipher {

    private final SecureRandom random = new SecureRandom();

    @Override
    public TotpSecret newTotpSecret() {
        byte[] bytes = new byte[TotpSecret.LENGTH];
        random.nextBytes(bytes);
        return new TotpSecret(bytes);
    }

    @Override
    public List<RecoveryCode> newRecoveryCodes() {
        List<RecoveryCode> codes = new ArrayList<>();
        for (int i = 0; i < RecoveryCode.COUNT; i++) {
            String hex = UUID.randomUUID().toString().replace("-", "");
            codes.add(RecoveryCode.parse(hex.substring(0, RecoveryCode.LENGTH)));
        }
        return codes;
    }

    @Override
    public String newChallengeSecret() {
        return UUID.randomUUID().toString();
    }

    @Override
    public SealedSecret seal(TotpSecret secret) {
        return new SealedSecret("test", reversed(secret.value()));
    }

    @Override
    public TotpSecret open(SealedSecret sealed) {
        return new TotpSecret(reversed(sealed.sealed()));
    }

    private static byte[] reversed(byte[] bytes) {
        byte[] out = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = bytes[bytes.length - 1 - i];
        }
        return out;
    }
}
