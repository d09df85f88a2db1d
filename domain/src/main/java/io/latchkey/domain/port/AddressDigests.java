package io.latchkey.domain.port;

import io.latchkey.domain.model.user.Email;

/**
 * Keyed digests of addresses, for records that must tell repeated attempts at one address apart without holding
 * the address (failed logins at addresses without an account): without the server's key, a digest cannot be
 * checked against a list of guessed addresses.
 */
public interface AddressDigests {

    /** A stable digest of the address's canonical key, lower-case hex. */
    String of(Email address);
}
