package io.latchkey.domain.model.abuse;

import io.latchkey.domain.model.user.User;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What a genuine device token says: the device, when the token was issued, and the account's epoch then. It
 * counts as a known device only while it is younger than the policy's maximum age and the account's epoch is
 * unchanged: a password reset or a logout of every session raises the epoch and so forgets every device.
 */
public record KnownDevice(UUID id, Instant issuedAt, long epoch) {

    public KnownDevice {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(issuedAt, "issuedAt");
    }

    public boolean youngerThan(Duration maxAge, Instant now) {
        return !issuedAt.isAfter(now) && now.isBefore(issuedAt.plus(maxAge));
    }

    public boolean currentFor(User user) {
        return user.authEpoch() == epoch;
    }
}
