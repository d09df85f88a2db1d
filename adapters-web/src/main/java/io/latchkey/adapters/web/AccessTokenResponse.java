package io.latchkey.adapters.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.latchkey.domain.model.token.AccessToken;

/** A new access token for the same session (after a step-up): its refresh token is unchanged. */
record AccessTokenResponse(
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("expires_in") long expiresIn) {

    static AccessTokenResponse from(AccessToken token) {
        return new AccessTokenResponse(token.encoded(), "Bearer", token.lifetime().toSeconds());
    }

    @Override
    public String toString() {
        return "AccessTokenResponse[expiresIn=" + expiresIn + "]";
    }
}
