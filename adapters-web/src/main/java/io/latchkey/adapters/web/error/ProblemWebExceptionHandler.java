package io.latchkey.adapters.web.error;

import io.latchkey.domain.error.AuthException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * The last word on errors no controller advice saw (routing: 404, 405, 415; unexpected failures: 500), so
 * every error the API returns is problem+json with a stable type. Runs before Spring Boot's default handler.
 */
@Component
@Order(-2)
class ProblemWebExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemWebExceptionHandler.class);

    private final ProblemResponses responses;

    ProblemWebExceptionHandler(ProblemResponses responses) {
        this.responses = responses;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        if (error instanceof AuthException auth) {
            return responses.write(exchange, Problems.of(auth), Problems.headersFor(auth));
        }
        if (error instanceof ErrorResponse framework) {
            ProblemDetail problem = framework.getBody();
            problem.setType(ProblemResponses.typeForStatus(framework.getStatusCode()));
            FrameworkErrorDetails.describe(error, problem, exchange);
            HttpHeaders headers = new HttpHeaders();
            headers.addAll(framework.getHeaders());
            return responses.write(exchange, problem, headers);
        }
        log.error("unhandled error on {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), error);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, "An unexpected error occurred.");
        problem.setType(ProblemResponses.typeForStatus(HttpStatus.INTERNAL_SERVER_ERROR));
        problem.setTitle(HttpStatus.INTERNAL_SERVER_ERROR.getReasonPhrase());
        return responses.write(exchange, problem, new HttpHeaders());
    }
}
