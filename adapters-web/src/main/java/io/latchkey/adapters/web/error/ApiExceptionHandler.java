package io.latchkey.adapters.web.error;

import io.latchkey.domain.error.AuthErrorCode;
import io.latchkey.domain.error.AuthException;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

/** Turns every failure a controller ends in into problem+json, with stable types. */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    @ExceptionHandler(AuthException.class)
    ResponseEntity<ProblemDetail> handleAuth(AuthException error, ServerWebExchange exchange) {
        ProblemDetail problem = Problems.of(error);
        problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        return ResponseEntity.status(Problems.statusOf(error))
                .headers(Problems.headersFor(error))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /**
     * Framework-level errors (unsupported media type, method not allowed, no such route, …) keep Spring's
     * status, get a stable problem type instead of {@code about:blank} and a detail saying what to send.
     */
    @Override
    protected Mono<ResponseEntity<Object>> handleExceptionInternal(Exception ex, @Nullable Object body,
            @Nullable HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        ProblemDetail problem = body instanceof ProblemDetail given ? given
                : body == null && ex instanceof ErrorResponse response ? response.getBody() : null;
        if (problem != null && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
            problem.setType(ProblemResponses.typeForStatus(status));
        }
        if (problem != null) {
            FrameworkErrorDetails.describe(ex, problem, exchange);
        }
        return super.handleExceptionInternal(ex, body, headers, status, exchange);
    }

    /** Malformed JSON, a missing body or a wrongly typed field: the body never reached a use case. */
    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException ex,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        ProblemDetail problem = Problems.create(HttpStatus.BAD_REQUEST, AuthErrorCode.INVALID_INPUT);
        FrameworkErrorDetails.describe(ex, problem, exchange);
        problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        return Mono.just(ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem));
    }
}
