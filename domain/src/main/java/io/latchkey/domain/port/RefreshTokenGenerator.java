package io.latchkey.domain.port;

import io.latchkey.domain.model.token.RefreshToken;

/** Makes refresh tokens. */
public interface RefreshTokenGenerator {

    /** 256 fresh random bits: the first token of a session. */
    RefreshToken newToken();

    /**
     * The successor of {@code presented}, derived with a server-side secret, so a retry inside the grace
     * window gets the same successor without the successor ever being stored.
     */
    RefreshToken successorOf(RefreshToken presented);
}
