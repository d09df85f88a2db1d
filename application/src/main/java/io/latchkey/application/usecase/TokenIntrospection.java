package io.latchkey.application.usecase;

import io.latchkey.domain.model.token.AccessTokenClaims;
import org.jspecify.annotations.Nullable;

/** The answer: inactive (nothing more is said, RFC 7662 §2.2), or active with the token's claims. */
public record TokenIntrospection(boolean active, @Nullable AccessTokenClaims claims) {

    public static final TokenIntrospection INACTIVE = new TokenIntrospection(false, null);

    public static TokenIntrospection active(AccessTokenClaims claims) {
        return new TokenIntrospection(true, claims);
    }
}
