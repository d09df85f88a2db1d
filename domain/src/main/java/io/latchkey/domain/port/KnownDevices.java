package io.latchkey.domain.port;

import io.latchkey.domain.model.user.Email;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Device tokens: signed proof, kept by a client in a cookie, that it logged in to an address before. A token is
 * bound to the address's key and cannot be forged or moved to another address without the server secret.
 */
public interface KnownDevices {

    /** A token naming {@code device} as a device that logged in to {@code address}. */
    String issue(Email address, UUID device);

    /** The device the token names, if it is genuine and was issued for this address (in any spelling). */
    Optional<UUID> verify(@Nullable String token, Email address);
}
