package io.latchkey.adapters.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.latchkey.domain.model.user.Email;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class HmacKnownDevicesTest {

    private final HmacKnownDevices devices = new HmacKnownDevices(RefreshTokenSecret.ephemeral());
    private final Email ada = Email.parse("Ada@Example.com", "email");
    private final UUID device = UUID.randomUUID();

    @Test
    void givenAnIssuedToken_verify_namesItsDeviceForEverySpellingOfTheAddress() {
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
        String otherDevice = token.replace(device.toString(), UUID.randomUUID().toString());
        String otherSignature = token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A");
        for (String forged : new String[] {otherDevice, otherSignature, "2" + token.substring(1), token + ".x", "",
                "1.not-a-uuid.sig", token.toUpperCase(), "x".repeat(500)}) {
            assertThat(devices.verify(forged, ada)).as(forged).isEmpty();
        }
        assertThat(devices.verify(null, ada)).isEmpty();
    }
}
