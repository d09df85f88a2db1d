package io.latchkey.adapters.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.latchkey.domain.model.abuse.KnownDevice;
import io.latchkey.domain.model.user.Email;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class HmacKnownDevicesTest {

    private final HmacKnownDevices devices = new HmacKnownDevices(RefreshTokenSecret.ephemeral());
    private final Email ada = Email.parse("Ada@Example.com", "email");
    private final KnownDevice device = new KnownDevice(UUID.randomUUID(), Instant.ofEpochSecond(1_790_000_000L), 3);

    @Test
    void givenAnIssuedToken_verify_returnsItsDeviceIssueTimeAndEpochForEverySpellingOfTheAddress() {
        String token = devices.issue(ada, device);
        assertThat(devices.verify(token, ada)).contains(device);
        assertThat(devices.verify(token, Email.parse("ada@EXAMPLE.com", "email"))).contains(device);
    }

    @Test
    void givenATokenOfAnotherAddressOrServerSecret_verify_refusesIt() {
        String token = devices.issue(ada, device);
        assertThat(devices.verify(token, Email.parse("eve@example.com", "email"))).isEmpty();
        assertThat(new HmacKnownDevices(RefreshTokenSecret.ephemeral()).verify(token, ada)).isEmpty();
    }

    @Test
    void givenAnAlteredOrMalformedToken_verify_refusesIt() {
        String token = devices.issue(ada, device);
        String otherDevice = token.replace(device.id().toString(), UUID.randomUUID().toString());
        String younger = token.replace(".1790000000.", ".1799999999.");
        String otherEpoch = token.replace(".1790000000.3.", ".1790000000.4.");
        String otherSignature = token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A");
        for (String forged : new String[] {otherDevice, younger, otherEpoch, otherSignature, "1" + token.substring(1),
                token + ".x", "", "2.not-a-uuid.1.1.sig", token.toUpperCase(), "x".repeat(500),
                token.replace(".1790000000.", ".01790000000.")}) {
            assertThat(devices.verify(forged, ada)).as(forged).isEmpty();
        }
        assertThat(devices.verify(null, ada)).isEmpty();
    }

    @Test
    void hkdf_matchesRfc5869TestCase1TruncatedToOneBlock() {
        byte[] ikm = HexFormat.of().parseHex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b");
        byte[] salt = HexFormat.of().parseHex("000102030405060708090a0b0c");
        byte[] info = HexFormat.of().parseHex("f0f1f2f3f4f5f6f7f8f9");
        assertThat(HexFormat.of().formatHex(HmacKnownDevices.hkdfSha256(ikm, salt, info)))
                .isEqualTo("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf");
    }
}
