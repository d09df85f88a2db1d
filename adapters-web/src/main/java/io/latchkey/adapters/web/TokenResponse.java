package io.latchkey.adapters.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.latchkey.domain.model.token.TokenPair;
import org.jspecify.annotations.Nullable;

/** The OAuth 2.0 token response shape (RFC 6749 §5.1). */
record TokenResponse(
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("expires_in") long expiresIn,
        @JsonProperty("refresh_token") @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String refreshToken) {

    static TokenResponse from(TokenPair pair) {
        return new TokenResponse(pair.accessToken().encoded(), "Bearer", pair.accessToken().lifetime().toSeconds(),
                pair.refreshToken().value());
    }

    /** Cookie mode: the refresh token travels only in its HttpOnly cookie. */
    static TokenResponse withoutRefreshToken(TokenPair pair) {
        return new TokenResponse(pair.accessToken().encoded(), "Bearer", pair.accessToken().lifetime().toSeconds(), null);
    }

    @Override
    public String toString() {
        return "TokenResponse[expiresIn=" + expiresIn + "]";
    }
}
