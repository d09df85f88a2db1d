package io.latchkey.adapters.web;

import io.latchkey.domain.model.user.AccountPolicy;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * The device cookie {@code lk_device}: the signed device token a successful login hands out, sent back only to
 * the login endpoint (HttpOnly, SameSite=Strict, Secure unless {@code latchkey.token.cookie.secure=false}), so
 * that a client which logged in before is not locked out by a stranger's wrong passwords.
 */
@Component
class DeviceCookies {

    static final String DEVICE_COOKIE = "lk_device";
    static final String LOGIN_PATH = "/api/v1/auth/login";
    private final RefreshCookieSettings settings;
    private final Duration maxAge;

    DeviceCookies(RefreshCookieSettings settings, AccountPolicy accounts) {
        this.settings = settings;
        // The browser may drop it when the token inside stops counting anyway.
        this.maxAge = accounts.deviceTokenMaxAge();
    }

    @Nullable String deviceToken(ServerWebExchange exchange) {
        HttpCookie cookie = exchange.getRequest().getCookies().getFirst(DEVICE_COOKIE);
        return cookie == null || cookie.getValue().isBlank() ? null : cookie.getValue();
    }

    void write(String deviceToken, ServerWebExchange exchange) {
        exchange.getResponse().addCookie(ResponseCookie.from(DEVICE_COOKIE, deviceToken).httpOnly(true)
                .secure(settings.secure()).sameSite("Strict").path(LOGIN_PATH).maxAge(maxAge).build());
    }
}
