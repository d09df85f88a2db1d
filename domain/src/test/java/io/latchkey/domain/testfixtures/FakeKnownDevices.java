package io.latchkey.domain.testfixtures;

import io.latchkey.domain.model.abuse.KnownDevice;
import io.latchkey.domain.model.user.Email;
import io.latchkey.domain.port.KnownDevices;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Readable device tokens {@code device:<id>:<issued at>:<epoch>:<address key>}; only this fixture's own tokens
 * verify.
 */
public final class FakeKnownDevices implements KnownDevices {

    @Override
    public String issue(Email address, KnownDevice device) {
        return "device:" + device.id() + ":" + device.issuedAt().toEpochMilli() + ":" + device.epoch() + ":"
                + address.key();
    }

    @Override
    public Optional<KnownDevice> verify(@Nullable String token, Email address) {
        if (token == null || !token.startsWith("device:") || !token.endsWith(":" + address.key())) {
            return Optional.empty();
        }
        String[] parts = token.split(":", 5);
        return Optional.of(new KnownDevice(UUID.fromString(parts[1]), Instant.ofEpochMilli(Long.parseLong(parts[2])),
                Long.parseLong(parts[3])));
    }
}
