package io.latchkey.adapters.web.security;

import io.latchkey.adapters.web.error.ProblemResponses;
import io.latchkey.adapters.web.error.Problems;
import io.latchkey.domain.error.AuthErrorCode;
import io.latchkey.domain.error.AuthException;
import io.latchkey.domain.error.InvalidAccessTokenException;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Writes problem+json from inside the security filters, where no controller advice runs. */
@Component
class ProblemWriter {

    private final ProblemResponses responses;

    ProblemWriter(ProblemResponses responses) {
        this.responses = responses;
    }

    /** No credentials at all on a protected route: 401 with a bare {@code Bearer} challenge (RFC 6750 §3). */
    Mono<Void> missingCredentials(ServerWebExchange exchange, AuthenticationException ignored) {
        ProblemDetail problem = Problems.create(HttpStatus.UNAUTHORIZED, AuthErrorCode.INVALID_ACCESS_TOKEN);
        problem.setDetail("A bearer access token is required.");
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        return write(exchange, problem, headers);
    }

    Mono<Void> authenticationFailed(ServerWebExchange exchange, AuthenticationException failure) {
        if (failure instanceof InvalidBearerRequest malformed) {
            return invalidRequest(exchange, malformed.getMessage());
        }
        if (failure instanceof UnreadableForm unreadable) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(unreadable.status(), unreadable.getMessage());
            problem.setType(ProblemResponses.typeForStatus(unreadable.status()));
            problem.setTitle(unreadable.status().getReasonPhrase());
            return write(exchange, problem, new HttpHeaders());
        }
        AuthException reason = failure instanceof AuthenticationFailure f ? f.reason() : new InvalidAccessTokenException();
        return write(exchange, Problems.of(reason), Problems.headersFor(reason));
    }

    /**
     * Malformed credentials (RFC 6750 §3.1 {@code invalid_request}): 400, and the challenge says so. No token
     * was looked at.
     */
    Mono<Void> invalidRequest(ServerWebExchange exchange, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setType(URI.create(Problems.TYPE_PREFIX + "invalid-request"));
        problem.setTitle(HttpStatus.BAD_REQUEST.getReasonPhrase());
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_request\", error_description=\""
                + detail.replace('"', '\'') + "\"");
        return write(exchange, problem, headers);
    }

    /** A service failed client authentication at the introspection endpoint (RFC 7662 §2.3). */
    Mono<Void> clientUnauthorized(ServerWebExchange exchange) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, "Client authentication failed.");
        problem.setType(URI.create(Problems.TYPE_PREFIX + "invalid-client"));
        problem.setTitle(HttpStatus.UNAUTHORIZED.getReasonPhrase());
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"latchkey\"");
        return write(exchange, problem, headers);
    }

    Mono<Void> forbidden(ServerWebExchange exchange) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "Not allowed.");
        problem.setType(URI.create(Problems.TYPE_PREFIX + "forbidden"));
        problem.setTitle(HttpStatus.FORBIDDEN.getReasonPhrase());
        return write(exchange, problem, new HttpHeaders());
    }

    /**
     * A cross-origin request from an origin that is not on the allow-list (preflight or not), or whose Origin
     * does not parse. The detail is fixed: it neither echoes the request's Origin nor names configuration.
     */
    Mono<Void> originRefused(ServerWebExchange exchange) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                "This request's origin is not allowed to call this API from a browser.");
        problem.setType(URI.create(Problems.TYPE_PREFIX + "origin-not-allowed"));
        problem.setTitle(HttpStatus.FORBIDDEN.getReasonPhrase());
        HttpHeaders headers = new HttpHeaders();
        headers.add(HttpHeaders.VARY, HttpHeaders.ORIGIN);
        return write(exchange, problem, headers);
    }

    Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem, HttpHeaders headers) {
        return responses.write(exchange, problem, headers);
    }
}
