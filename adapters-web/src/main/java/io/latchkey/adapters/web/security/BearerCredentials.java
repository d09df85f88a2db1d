package io.latchkey.adapters.web.security;

import java.util.List;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Lifts the access token from {@code Authorization: Bearer <token>}, the one method Latchkey supports (RFC 6750
 * §2.1): the scheme in any case, exactly one space, then a {@code b64token}. The URI query parameter (§2.3,
 * which the RFC discourages because URLs end up in logs) and the form body (§2.2) are not supported, and a
 * request carrying {@code access_token} there is refused with 400 {@code invalid_request} instead of having it
 * silently ignored; so is a second {@code Authorization} header. Any other scheme is not a bearer credential
 * and leaves the request unauthenticated. Oversized tokens fail later as invalid tokens, without being scanned.
 * A form body that cannot be read is refused as such (413 over the codec limit, 400 when malformed).
 */
final class BearerCredentials implements ServerAuthenticationConverter {

    static final String PARAMETER = "access_token";
    private static final String SCHEME = "Bearer";
    private static final boolean[] B64TOKEN_CHARS = b64TokenChars();

    private final int maxTokenLength;

    BearerCredentials(int maxTokenLength) {
        this.maxTokenLength = maxTokenLength;
    }

    @Override
    public Mono<Authentication> convert(ServerWebExchange exchange) {
        ServerHttpRequest request = exchange.getRequest();
        if (request.getQueryParams().containsKey(PARAMETER)) {
            return Mono.error(new InvalidBearerRequest("Access tokens are not accepted in the query string ("
                    + PARAMETER + "); send them in the Authorization header as 'Bearer <token>'."));
        }
        if (isForm(request)) {
            return exchange.getFormData()
                    .onErrorMap(DataBufferLimitException.class, tooLarge -> new UnreadableForm(
                            HttpStatus.CONTENT_TOO_LARGE, "The form body is larger than this service reads."))
                    .onErrorMap(failure -> !(failure instanceof UnreadableForm), malformed -> new UnreadableForm(
                            HttpStatus.BAD_REQUEST, "The form body is not valid application/x-www-form-urlencoded."))
                    .flatMap(form -> form.containsKey(PARAMETER)
                            ? Mono.error(new InvalidBearerRequest("Access tokens are not accepted in a form body ("
                                    + PARAMETER + "); send them in the Authorization header as 'Bearer <token>'."))
                            : fromHeader(request));
        }
        return fromHeader(request);
    }

    /**
     * A Content-Type that does not parse is not a form: the request is judged on its Authorization header, and
     * whatever handles the body refuses the type if it needs one.
     */
    private static boolean isForm(ServerHttpRequest request) {
        try {
            return MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(request.getHeaders().getContentType());
        } catch (InvalidMediaTypeException unparsable) {
            return false;
        }
    }

    private Mono<Authentication> fromHeader(ServerHttpRequest request) {
        List<String> values = request.getHeaders().getOrEmpty(HttpHeaders.AUTHORIZATION);
        if (values.isEmpty()) {
            return Mono.empty();
        }
        if (values.size() > 1) {
            return Mono.error(new InvalidBearerRequest("Send exactly one Authorization header."));
        }
        String value = values.get(0);
        int schemeEnd = schemeEnd(value);
        if (!value.substring(0, schemeEnd).equalsIgnoreCase(SCHEME)) {
            return Mono.empty();
        }
        if (value.length() > schemeEnd + 1 + maxTokenLength) {
            return Mono.just(new BearerToken(""));
        }
        if (value.length() < schemeEnd + 2 || value.charAt(schemeEnd) != ' ' || !isB64Token(value, schemeEnd + 1)) {
            return Mono.error(new InvalidBearerRequest(
                    "The Authorization header must be 'Bearer', one space, and the token, with nothing else."));
        }
        return Mono.just(new BearerToken(value.substring(schemeEnd + 1)));
    }

    /** The scheme ends at the first space or tab (RFC 9110 §11.4: auth-scheme is a token, then 1*SP). */
    private static int schemeEnd(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ' ' || c == '\t') {
                return i;
            }
        }
        return value.length();
    }

    /** RFC 6750 §2.1: {@code b64token = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="}. */
    private static boolean isB64Token(String value, int from) {
        int i = from;
        while (i < value.length() && isB64TokenChar(value.charAt(i))) {
            i++;
        }
        if (i == from) {
            return false;
        }
        while (i < value.length() && value.charAt(i) == '=') {
            i++;
        }
        return i == value.length();
    }

    private static boolean isB64TokenChar(char c) {
        return c < B64TOKEN_CHARS.length && B64TOKEN_CHARS[c];
    }

    /** A table, not a chain of comparisons: every character of every bearer token is checked. */
    private static boolean[] b64TokenChars() {
        boolean[] allowed = new boolean[128];
        for (char c = 0; c < allowed.length; c++) {
            allowed[c] = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
        }
        return allowed;
    }
}
