package io.latchkey.domain.port;

import io.latchkey.domain.model.token.AccessToken;
import io.latchkey.domain.model.token.AccessTokenClaims;

/** Signs access tokens with the active key. CPU-bound and synchronous. */
public interface AccessTokenIssuer {

    AccessToken issue(AccessTokenClaims claims);
}
