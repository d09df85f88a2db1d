package io.latchkey.application.service;

import io.latchkey.domain.model.auth.AuthSnapshot;
import io.latchkey.domain.model.token.AccessTokenClaims;

/** An access token that passed both the local checks and the live session check. */
record CheckedToken(AccessTokenClaims claims, AuthSnapshot snapshot) {
}
