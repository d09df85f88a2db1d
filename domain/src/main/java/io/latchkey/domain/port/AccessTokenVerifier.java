package io.latchkey.domain.port;

import io.latchkey.domain.model.token.AccessTokenClaims;

/**
 * Checks an encoded access token's signature, header and time claims locally, with keys held in memory.
 * Throws {@code InvalidAccessTokenException}; says nothing about whether its session is still alive.
 */
public interface AccessTokenVerifier {

    AccessTokenClaims verify(String encoded);
}
