package io.latchkey.adapters.web.console;

import io.latchkey.domain.model.console.ConsoleSession;
import io.latchkey.domain.port.ConsoleSessionRepository;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Creates, finds and ends console sessions, and writes their cookie (HttpOnly, SameSite=Strict, Secure over TLS). */
final class ConsoleSessions {

    static final String COOKIE = "lk_console";
    static final String CSRF_FIELD = "_csrf";
    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final String PATH = "/admin";

    private final ConsoleSessionRepository repository;
    private final ConsoleSettings settings;
    private final SecureRandom random = new SecureRandom();

    ConsoleSessions(ConsoleSessionRepository repository, ConsoleSettings settings) {
        this.repository = repository;
        this.settings = settings;
    }

    /** The browser's console session id, if it sent the cookie. */
    static @Nullable String idOf(ServerWebExchange exchange) {
        HttpCookie cookie = exchange.getRequest().getCookies().getFirst(COOKIE);
        return cookie == null || cookie.getValue().isBlank() ? null : cookie.getValue();
    }

    /** The session the browser's cookie names, its idle timer restarted; empty when there is none (any more). */
    Mono<ConsoleSession> current(ServerWebExchange exchange) {
        String id = idOf(exchange);
        return id == null ? Mono.empty() : repository.touch(id, settings.idleTimeout());
    }

    /**
     * Stores {@code session} under a NEW random id and points the cookie at it, dropping the browser's previous
     * session: every change of who is signed in gets a fresh id, so an id planted before sign-in is worth nothing.
     */
    Mono<String> start(ServerWebExchange exchange, ConsoleSession session) {
        String previous = idOf(exchange);
        String id = token();
        Mono<Void> dropPrevious = previous == null ? Mono.empty() : repository.delete(previous);
        return dropPrevious.then(repository.save(id, session, settings.idleTimeout()))
                .then(Mono.fromRunnable(() -> exchange.getResponse().addCookie(cookie(exchange, id, settings.idleTimeout()
                        .toSeconds()))))
                .thenReturn(id);
    }

    /** Forgets the browser's session and clears its cookie. */
    Mono<Void> end(ServerWebExchange exchange) {
        String id = idOf(exchange);
        exchange.getResponse().addCookie(cookie(exchange, "", 0));
        return id == null ? Mono.empty() : repository.delete(id);
    }

    String token() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Constant-time comparison of the token a form or header carried with the session's. */
    static boolean csrfMatches(ConsoleSession session, @Nullable String presented) {
        return presented != null && MessageDigest.isEqual(session.csrfToken().getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }

    private ResponseCookie cookie(ServerWebExchange exchange, String value, long maxAgeSeconds) {
        boolean tls = settings.secureCookie() || "https".equalsIgnoreCase(exchange.getRequest().getURI().getScheme());
        // No Max-Age while alive: a browser session cookie; the server-side idle timeout is what ends it.
        ResponseCookie.ResponseCookieBuilder builder = ResponseCookie.from(COOKIE, value)
                .httpOnly(true).secure(tls).sameSite("Strict").path(PATH);
        return maxAgeSeconds == 0 ? builder.maxAge(0).build() : builder.build();
    }
}
