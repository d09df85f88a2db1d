package io.latchkey.adapters.web.federation;

import java.net.URI;
import java.util.Objects;

/**
 * The endpoints of a plain OAuth 2.0 provider shaped like GitHub: where the browser authorizes, where the code is
 * exchanged for an access token, and the API resources that name the user and list their addresses.
 */
public record OAuthEndpoints(URI authorization, URI token, URI user, URI emails) {

    public OAuthEndpoints {
        Objects.requireNonNull(authorization, "authorization");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(emails, "emails");
    }

    /** GitHub's public endpoints. */
    public static OAuthEndpoints github() {
        return new OAuthEndpoints(URI.create("https://github.com/login/oauth/authorize"),
                URI.create("https://github.com/login/oauth/access_token"), URI.create("https://api.github.com/user"),
                URI.create("https://api.github.com/user/emails"));
    }
}
