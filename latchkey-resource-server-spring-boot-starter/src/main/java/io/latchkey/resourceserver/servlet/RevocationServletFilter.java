package io.latchkey.resourceserver.servlet;

import io.latchkey.resourceserver.revocation.BearerTokens;
import io.latchkey.resourceserver.revocation.IntrospectionClient;
import io.latchkey.resourceserver.revocation.RevocationGate;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The servlet twin of the reactive filter: before Spring Security's filter (-100), once the token's signature and
 * claims are valid, a revoked token gets 401 and an untrusted revocation set gets the fallback. Introspection waits on the request thread, as servlet code does.
 */
public final class RevocationServletFilter extends OncePerRequestFilter implements Ordered {

    private final RevocationGate gate;
    private final JwtDecoder decoder;
    private final @Nullable IntrospectionClient introspection;
    private final Duration introspectionTimeout;

    public RevocationServletFilter(RevocationGate gate, JwtDecoder decoder, @Nullable IntrospectionClient introspection,
            Duration introspectionTimeout) {
        this.gate = gate;
        this.decoder = decoder;
        this.introspection = introspection;
        this.introspectionTimeout = introspectionTimeout;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = BearerTokens.from(request.getHeader("Authorization"));
        if (token == null) {
            chain.doFilter(request, response);
            return;
        }
        Jwt jwt;
        try {
            jwt = decoder.decode(token);
        } catch (JwtException e) {
            // Left to Spring Security (401): a forged token never costs a decision or an introspection call.
            chain.doFilter(request, response);
            return;
        }
        switch (gate.decide(jwt.getClaims())) {
            case PROCEED -> chain.doFilter(request, response);
            case REVOKED -> revoked(response);
            case UNAVAILABLE -> unavailable(response);
            case INTROSPECT -> {
                Boolean active = introspect(token);
                if (active == null) {
                    unavailable(response);
                } else if (active) {
                    chain.doFilter(request, response);
                } else {
                    revoked(response);
                }
            }
        }
    }

    private @Nullable Boolean introspect(String token) {
        if (introspection == null) {
            return null;
        }
        try {
            return introspection.isActive(token).get(introspectionTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException e) {
            return null;
        }
    }

    private static void revoked(HttpServletResponse response) throws IOException {
        response.setHeader("WWW-Authenticate", BearerTokens.REVOKED_CHALLENGE);
        write(response, 401, BearerTokens.REVOKED_BODY);
    }

    private static void unavailable(HttpServletResponse response) throws IOException {
        response.setHeader("Retry-After", BearerTokens.RETRY_AFTER_SECONDS);
        write(response, 503, BearerTokens.UNAVAILABLE_BODY);
    }

    private static void write(HttpServletResponse response, int status, String body) throws IOException {
        response.setStatus(status);
        response.setContentType(BearerTokens.PROBLEM_JSON);
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(body);
    }

    @Override
    public int getOrder() {
        return -200;
    }
}
