package io.latchkey.domain.model.token;

import java.util.Objects;

/** What login and refresh hand back: a fresh access token and the refresh token to use next. */
public record TokenPair(AccessToken accessToken, RefreshToken refreshToken) {

    public TokenPair {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(refreshToken, "refreshToken");
    }
}
