package io.latchkey.domain.model.abuse;

import io.latchkey.domain.model.user.Email;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a run of wrong passwords is counted against: an address as tried from any client, or an address as tried
 * from one device that logged in to it before (OWASP's device cookies), so strangers locking the address do not
 * lock out its owner's known devices.
 */
public record LockoutSubject(Email address, @Nullable UUID device) {

    private static final UUID SECOND_FACTOR = new UUID(0, 0);

    public LockoutSubject {
        Objects.requireNonNull(address, "address");
    }

    public static LockoutSubject address(Email address) {
        return new LockoutSubject(address, null);
    }

    /**
     * Wrong second-factor codes of the account with this address, counted apart from its passwords (a right
     * password clears the password count, and must not clear this one). Kept as the address tried from the nil
     * device, which no real device token carries.
     */
    public static LockoutSubject secondFactor(Email address) {
        return new LockoutSubject(address, SECOND_FACTOR);
    }

    public static LockoutSubject device(Email address, UUID device) {
        return new LockoutSubject(address, Objects.requireNonNull(device, "device"));
    }

    public Optional<UUID> knownDevice() {
        return Optional.ofNullable(device);
    }
}
