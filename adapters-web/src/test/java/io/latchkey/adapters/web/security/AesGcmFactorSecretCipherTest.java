package io.latchkey.adapters.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.latchkey.domain.model.mfa.SealedSecret;
import io.latchkey.domain.model.mfa.TotpSecret;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AesGcmFactorSecretCipherTest {

    private static final String K1 = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String K2 = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    private final TotpSecret secret = new TotpSecret("12345678901234567890".getBytes());

    @Test
    void givenActiveKey_sealThenOpen_roundTripsWithAFreshNonceEachTime() {
        var cipher = new AesGcmFactorSecretCipher(Map.of("k1", K1), "k1");

        SealedSecret first = cipher.seal(secret);
        SealedSecret second = cipher.seal(secret);

        assertThat(first.keyId()).isEqualTo("k1");
        assertThat(first.sealed()).hasSize(12 + 20 + 16).isNotEqualTo(second.sealed());
        assertThat(cipher.open(first)).isEqualTo(secret);
    }

    @Test
    void givenRotatedKeys_secretsSealedWithTheOldKeyStillOpen_andNewOnesUseTheActiveKey() {
        SealedSecret old = new AesGcmFactorSecretCipher(Map.of("k1", K1), "k1").seal(secret);
        var rotated = new AesGcmFactorSecretCipher(Map.of("k1", K1, "k2", K2), "k2");

        assertThat(rotated.open(old)).isEqualTo(secret);
        assertThat(rotated.seal(secret).keyId()).isEqualTo("k2");
    }

    @Test
    void givenTamperedDataOrRemovedKey_open_fails() {
        var cipher = new AesGcmFactorSecretCipher(Map.of("k1", K1), "k1");
        byte[] sealed = cipher.seal(secret).sealed();
        sealed[sealed.length - 1] ^= 1;

        assertThatThrownBy(() -> cipher.open(new SealedSecret("k1", sealed))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new AesGcmFactorSecretCipher(Map.of("k2", K2), "k2").open(cipher.seal(secret)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("k1");
    }

    @Test
    void givenSealedUnderOneKeyId_openUnderAnotherId_failsEvenWithTheSameBytes() {
        SealedSecret sealed = new AesGcmFactorSecretCipher(Map.of("k1", K1), "k1").seal(secret);

        assertThatThrownBy(() -> new AesGcmFactorSecretCipher(Map.of("k9", K1), "k9").open(new SealedSecret("k9", sealed.sealed())))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void givenNoConfiguredKey_theDerivedKeyIsActive_andStableForTheSameRefreshSecret() {
        RefreshTokenSecret refresh = new RefreshTokenSecret(new byte[32]);
        var one = AesGcmFactorSecretCipher.withDerivedKey(refresh, Map.of(), null);
        var two = AesGcmFactorSecretCipher.withDerivedKey(refresh, Map.of("k1", K1), "k1");

        SealedSecret sealed = one.seal(secret);
        assertThat(sealed.keyId()).isEqualTo(AesGcmFactorSecretCipher.DERIVED_KEY_ID);
        assertThat(two.open(sealed)).isEqualTo(secret);
        assertThat(cipherToString(two)).doesNotContain(K1);
    }

    @Test
    void givenActiveKeyNotConfigured_construction_fails() {
        assertThatThrownBy(() -> new AesGcmFactorSecretCipher(Map.of("k1", K1), "k2"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String cipherToString(AesGcmFactorSecretCipher cipher) {
        return cipher.toString();
    }
}
