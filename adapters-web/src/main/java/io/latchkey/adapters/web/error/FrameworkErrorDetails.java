package io.latchkey.adapters.web.error;

import java.util.List;
import java.util.stream.Collectors;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;

/**
 * A {@code detail} for the errors Spring raises before a controller runs (wrong media type or method, unknown
 * path, no or malformed body), saying what to send instead: Spring leaves some of them without one.
 */
final class FrameworkErrorDetails {

    static final String API_DESCRIPTION = "/v3/api-docs";

    private FrameworkErrorDetails() {
    }

    static void describe(Throwable error, ProblemDetail problem, ServerWebExchange exchange) {
        String request = exchange.getRequest().getMethod() + " " + exchange.getRequest().getPath().value();
        String detail = switch (error) {
            case UnsupportedMediaTypeStatusException e -> unsupportedMediaType(e, request);
            case MethodNotAllowedException e -> request + " is not allowed; this path accepts "
                    + e.getSupportedMethods().stream().map(HttpMethod::name).sorted().collect(Collectors.joining(", ")) + ".";
            case NotAcceptableStatusException e -> "This endpoint answers with " + types(e.getSupportedMediaTypes())
                    + "; send an Accept header that includes it (or */*).";
            case ServerWebInputException e -> input(e, request);
            case ResponseStatusException e when e.getStatusCode().value() == HttpStatus.NOT_FOUND.value() ->
                    "There is no endpoint " + request + "; the API is described at " + API_DESCRIPTION + ".";
            default -> problem.getDetail();
        };
        problem.setDetail(detail);
    }

    private static String unsupportedMediaType(UnsupportedMediaTypeStatusException e, String request) {
        String sent = e.getContentType() == null ? "no Content-Type (and so no body)" : "Content-Type " + e.getContentType();
        return request + " takes a " + types(e.getSupportedMediaTypes()) + " body with the header Content-Type: "
                + types(e.getSupportedMediaTypes()) + "; this request had " + sent + ". The fields are described at "
                + API_DESCRIPTION + ".";
    }

    private static String input(ServerWebInputException e, String request) {
        MethodParameter parameter = e.getMethodParameter();
        if (parameter != null && !parameter.hasParameterAnnotation(RequestBody.class)) {
            return "The request parameter '" + parameter.getParameterName() + "' is missing or not of the expected type; "
                    + "the parameters are described at " + API_DESCRIPTION + ".";
        }
        if (e.getReason() != null && e.getReason().contains("No request body")) {
            return request + " needs a JSON body (Content-Type: application/json) and none was sent; the fields are "
                    + "described at " + API_DESCRIPTION + ".";
        }
        return "The request body is not valid JSON of the expected shape (a syntax error, or a field of the wrong type); "
                + "the fields are described at " + API_DESCRIPTION + ".";
    }

    private static String types(List<MediaType> types) {
        return types.isEmpty() ? "application/json"
                : types.stream().map(MediaType::toString).collect(Collectors.joining(" or "));
    }
}
