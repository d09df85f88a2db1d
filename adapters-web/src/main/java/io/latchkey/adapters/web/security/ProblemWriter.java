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
        AuthException reason = failure instanceof AuthenticationFailure f ? f.reason() : new InvalidAccessTokenException();
        return write(exchange, Problems.of(reason), Problems.headersFor(reason));
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

    private Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem, HttpHeaders headers) {
        return responses.write(exchange, problem, headers);
    }
}
