package io.latchkey.adapters.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PemKeysTest {

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    @Test
    void givenOpensslStylePems_theRingSignsWithThePrivateOneAndPublishesBoth() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair active = generator.generateKeyPair();
        KeyPair retired = generator.generateKeyPair();

        SigningKeyRing ring = SigningKeyRing.fromJwkSet(PemKeys.toJwkSet(Map.of(
                "2026-02", pem("PRIVATE KEY", active.getPrivate().getEncoded()),
                "2026-01", pem("PUBLIC KEY", retired.getPublic().getEncoded()))), "2026-02");

        assertThat(ring.activeKey().toRSAPublicKey()).isEqualTo(active.getPublic());
        assertThat(ring.publicKeys().getKeyByKeyId("2026-01").toRSAKey().toRSAPublicKey()).isEqualTo(retired.getPublic());
        assertThat(ring.publicKeys().getKeys()).allSatisfy(key -> assertThat(key.isPrivate()).isFalse());
    }

    @Test
    void givenRetiredKeyAsActive_theRingRefuses() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String publicOnly = PemKeys.toJwkSet(Map.of("old", pem("PUBLIC KEY", generator.generateKeyPair().getPublic().getEncoded())));
        assertThatThrownBy(() -> SigningKeyRing.fromJwkSet(publicOnly, "old")).hasMessageContaining("no private part");
    }

    @Test
    void givenSomethingElse_conversionFailsNamingTheKid() {
        assertThatThrownBy(() -> PemKeys.toJwk("k1", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----"))
                .hasMessageContaining("k1");
    }
}
