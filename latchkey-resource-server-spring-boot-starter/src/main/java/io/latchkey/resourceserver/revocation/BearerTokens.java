package io.latchkey.resourceserver.revocation;

import org.jspecify.annotations.Nullable;

/** The wire details both web edges share: reading the bearer token and the bodies of their refusals. */
public final class BearerTokens {

    public static final String REVOKED_CHALLENGE =
            "Bearer error=\"invalid_token\", error_description=\"The access token has been revoked\"";
    public static final String REVOKED_BODY = """
            {"type":"urn:problem:latchkey:token-revoked","title":"Token revoked","status":401,\
            "detail":"The access token's session or account was signed out."}""";
    public static final String UNAVAILABLE_BODY = """
            {"type":"urn:problem:latchkey:revocation-state-unavailable","title":"Revocation state unavailable",\
            "status":503,"detail":"Whether this token was revoked cannot be told right now; retry shortly."}""";
    public static final String RETRY_AFTER_SECONDS = "5";
    public static final String PROBLEM_JSON = "application/problem+json";

    private BearerTokens() {
    }

    /** The token of an {@code Authorization: Bearer} header, or null. */
    public static @Nullable String from(@Nullable String authorization) {
        if (authorization == null || authorization.length() <= 7
                || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = authorization.substring(7).trim();
        return token.isEmpty() ? null : token;
    }
}
