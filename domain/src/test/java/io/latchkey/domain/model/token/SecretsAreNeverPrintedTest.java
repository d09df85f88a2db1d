package io.latchkey.domain.model.token;

import static org.assertj.core.api.Assertions.assertThat;

import io.latchkey.domain.model.user.PasswordHash;
import io.latchkey.domain.model.user.RawPassword;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SecretsAreNeverPrintedTest {

    @Test
    void givenSecretValues_toString_hidesThem() {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        assertThat(new RefreshToken("refresh-secret-value").toString()).doesNotContain("refresh-secret-value");
        assertThat(new AccessToken("header.payload.signature", now, now.plusSeconds(60)).toString())
                .doesNotContain("payload");
        assertThat(new PasswordHash("$argon2id$v=19$m=19456$abc").toString()).doesNotContain("argon2id");
        assertThat(new RawPassword("hunter2hunter2").toString()).doesNotContain("hunter2");
    }

    @Test
    void givenSameToken_hash_isStableSha256Hex() {
        RefreshTokenHash hash = new RefreshToken("abc").hash();
        assertThat(hash.hex()).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
