package io.latchkey.adapters.web;

import java.time.Duration;
import java.util.Objects;

/**
 * Cookie mode: the refresh token travels in an HttpOnly, Secure, SameSite=Strict cookie scoped to the auth
 * path instead of the JSON body, with a double-submit CSRF token guarding the refresh endpoint.
 */
public record RefreshCookieSettings(boolean enabled, Duration maxAge, boolean secure) {

    public static final String REFRESH_COOKIE = "lk_refresh";
    public static final String CSRF_COOKIE = "lk_csrf";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    public static final String AUTH_PATH = "/api/v1/auth";

    public RefreshCookieSettings {
        Objects.requireNonNull(maxAge, "maxAge");
    }
}
