package io.latchkey.adapters.web.server;

import io.latchkey.adapters.web.error.ProblemResponses;
import io.latchkey.adapters.web.error.Problems;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/** The problem+json bodies for requests the HTTP decoder refused, written once at start-up. */
final class DecodingFailureProblems {

    static final String MEDIA_TYPE = "application/problem+json";

    private final Map<Integer, byte[]> bodies;

    DecodingFailureProblems(JsonMapper json, String maxHeaderSize) {
        this.bodies = Map.of(
                431, body(json, HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "The request's header fields are larger than "
                        + "the " + maxHeaderSize + " this server accepts in total; send fewer or shorter headers."),
                414, body(json, HttpStatus.URI_TOO_LONG, "The request line is longer than this server accepts."),
                400, body(json, HttpStatus.BAD_REQUEST, "The request is not valid HTTP/1.1."));
    }

    byte[] bodyFor(HttpResponseStatus status) {
        return bodies.getOrDefault(status.code(), bodies.get(400));
    }

    private static byte[] body(JsonMapper json, HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(ProblemResponses.typeForStatus(status));
        problem.setTitle(status.getReasonPhrase());
        return json.writeValueAsBytes(Problems.asMap(problem));
    }
}
