package io.latchkey.adapters.web;

import io.latchkey.domain.error.CsrfRejectedException;
import io.latchkey.domain.error.RefreshTokenInvalidException;
import io.latchkey.domain.model.token.RefreshToken;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Reads and writes the refresh and CSRF cookies of cookie mode; does nothing when it is off. */
@Component
class RefreshTokenCookies {

    private final RefreshCookieSettings settings;
    private final SecureRandom random = new SecureRandom();

    RefreshTokenCookies(RefreshCookieSettings settings) {
        this.settings = settings;
    }

    /**
     * The refresh token of a request: from the body when given, else (cookie mode) from the cookie, which
     * is only honoured with a matching CSRF header, since browsers attach cookies to cross-site requests.
     */
    Mono<String> refreshToken(@Nullable String fromBody, ServerWebExchange exchange) {
        if (fromBody != null && !fromBody.isBlank()) {
            return Mono.just(fromBody);
        }
        HttpCookie cookie = settings.enabled() ? exchange.getRequest().getCookies().getFirst(RefreshCookieSettings.REFRESH_COOKIE) : null;
        if (cookie == null || cookie.getValue().isBlank()) {
            return Mono.error(new RefreshTokenInvalidException());
        }
        HttpCookie csrfCookie = exchange.getRequest().getCookies().getFirst(RefreshCookieSettings.CSRF_COOKIE);
        String csrfHeader = exchange.getRequest().getHeaders().getFirst(RefreshCookieSettings.CSRF_HEADER);
        if (csrfCookie == null || csrfHeader == null || csrfCookie.getValue().isEmpty()
                || !MessageDigest.isEqual(csrfCookie.getValue().getBytes(StandardCharsets.US_ASCII),
                        csrfHeader.getBytes(StandardCharsets.US_ASCII))) {
            return Mono.error(new CsrfRejectedException());
        }
        return Mono.just(cookie.getValue());
    }

    /** Sets the cookies in cookie mode; whether it did (and the body must then omit the refresh token). */
    boolean write(RefreshToken token, ServerWebExchange exchange) {
        if (!settings.enabled()) {
            return false;
        }
        byte[] csrf = new byte[32];
        random.nextBytes(csrf);
        exchange.getResponse().addCookie(refreshCookie(token.value(), settings.maxAge()));
        exchange.getResponse().addCookie(csrfCookie(Base64.getUrlEncoder().withoutPadding().encodeToString(csrf),
                settings.maxAge()));
        return true;
    }

    void clear(ServerWebExchange exchange) {
        if (settings.enabled()) {
            exchange.getResponse().addCookie(refreshCookie("", Duration.ZERO));
            exchange.getResponse().addCookie(csrfCookie("", Duration.ZERO));
        }
    }

    private ResponseCookie refreshCookie(String value, Duration maxAge) {
        return ResponseCookie.from(RefreshCookieSettings.REFRESH_COOKIE, value).httpOnly(true).secure(settings.secure())
                .sameSite("Strict").path(RefreshCookieSettings.AUTH_PATH).maxAge(maxAge).build();
    }

    /** Readable by the page's script, which echoes it in the CSRF header; useless to another site. */
    private ResponseCookie csrfCookie(String value, Duration maxAge) {
        return ResponseCookie.from(RefreshCookieSettings.CSRF_COOKIE, value).httpOnly(false).secure(settings.secure())
                .sameSite("Strict").path("/").maxAge(maxAge).build();
    }
}
