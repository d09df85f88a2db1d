package io.latchkey.domain.port;

import io.latchkey.domain.model.abuse.KnownDevice;
import io.latchkey.domain.model.user.Email;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Device tokens: signed proof, kept by a client in a cookie, that it logged in to an address before. A token is
 * bound to the address's key and cannot be forged or moved to another address without the server secret.
 */
public interface KnownDevices {

    /** A token naming {@code device} (with its issue time and the account's epoch) as one that logged in to {@code address}. */
    String issue(Email address, KnownDevice device);

    /**
     * What the token says, if it is genuine and was issued for this address (in any spelling); its age and epoch
     * are for the caller to judge.
     */
    Optional<KnownDevice> verify(@Nullable String token, Email address);
}
