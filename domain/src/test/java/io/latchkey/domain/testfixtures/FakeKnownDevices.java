package io.latchkey.domain.testfixtures;

import io.latchkey.domain.model.user.Email;
import io.latchkey.domain.port.KnownDevices;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Readable device tokens {@code device:<id>:<address key>}; only this fixture's own tokens verify. */
public final class FakeKnownDevices implements KnownDevices {

    @Override
    public String issue(Email address, UUID device) {
        return "device:" + device + ":" + address.key();
    }

    @Override
    public Optional<UUID> verify(@Nullable String token, Email address) {
        if (token == null || !token.startsWith("device:") || !token.endsWith(":" + address.key())) {
            return Optional.empty();
        }
        return Optional.of(UUID.fromString(token.substring("device:".length(), "device:".length() + 36)));
    }
}
