package io.latchkey.adapters.web.error;

import java.net.URI;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Writes a problem+json response directly, for code that runs outside controllers (filters, error handlers). */
@Component
public class ProblemResponses {

    private final JsonMapper json;

    public ProblemResponses(JsonMapper json) {
        this.json = json;
    }

    public Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem, HttpHeaders headers) {
        if (problem.getInstance() == null) {
            problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        }
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatusCode.valueOf(problem.getStatus()));
        response.getHeaders().addAll(headers);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().setCacheControl("no-store");
        byte[] body = json.writeValueAsBytes(Problems.asMap(problem));
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }

    /** {@code urn:problem:auth:<status-name>}, e.g. {@code unsupported-media-type}, for framework-level errors. */
    public static URI typeForStatus(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        String slug = known == null ? "http-" + status.value() : known.name().toLowerCase(Locale.ROOT).replace('_', '-');
        return URI.create(Problems.TYPE_PREFIX + slug);
    }
}
