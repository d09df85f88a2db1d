package io.latchkey.adapters.web.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * Requests by method and path pattern, matched as {@code ServerWebExchangeMatchers.pathMatchers} does (each pattern
 * against the path within the application) but in one step. Spring Security's composite matcher logs a debug line per
 * pattern tried, and commons-logging's SLF4J bridge formats it before checking the level: with some forty patterns
 * tried per authenticated request that was 3 % of the request's CPU, debug logging off.
 */
public final class RequestPaths implements ServerWebExchangeMatcher {

    /** One method (any method when null) and one pattern. */
    private record Route(@Nullable HttpMethod method, PathPattern pattern) {

        boolean matches(HttpMethod requestMethod, PathContainer path) {
            return (method == null || method.equals(requestMethod)) && pattern.matches(path);
        }
    }

    private final List<Route> routes;

    private RequestPaths(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    /** These patterns, for any method. */
    public static RequestPaths anyMethod(String... patterns) {
        return of(null, patterns);
    }

    /** These patterns, for this method only (any method when null). */
    public static RequestPaths of(@Nullable HttpMethod method, String... patterns) {
        return new RequestPaths(Arrays.stream(patterns).map(pattern -> new Route(method, parse(pattern))).toList());
    }

    /** Operations written "METHOD /path". */
    public static RequestPaths ofOperations(Collection<String> operations) {
        return new RequestPaths(operations.stream().map(operation -> operation.split(" ", 2))
                .map(parts -> new Route(HttpMethod.valueOf(parts[0]), parse(parts[1]))).toList());
    }

    @Override
    public Mono<MatchResult> matches(ServerWebExchange exchange) {
        ServerHttpRequest request = exchange.getRequest();
        PathContainer path = request.getPath().pathWithinApplication();
        for (Route route : routes) {
            if (route.matches(request.getMethod(), path)) {
                return MatchResult.match();
            }
        }
        return MatchResult.notMatch();
    }

    private static PathPattern parse(String pattern) {
        return PathPatternParser.defaultInstance.parse(PathPatternParser.defaultInstance.initFullPathPattern(pattern));
    }
}
