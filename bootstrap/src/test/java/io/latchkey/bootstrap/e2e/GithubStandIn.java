package io.latchkey.bootstrap.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * A stand-in for GitHub's OAuth and user API on a loopback port, for the shared test context: the access token it
 * hands out for a code is the code itself, and {@code /user} and {@code /user/emails} answer what the test
 * registered for it, in GitHub's response shapes.
 */
final class GithubStandIn {

    private record Account(long id, String emailsJson) {
    }

    private static final GithubStandIn SHARED = new GithubStandIn();

    private final HttpServer server;
    private final Map<String, Account> byCode = new ConcurrentHashMap<>();

    private GithubStandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/login/oauth/access_token", exchange -> {
            Map<String, String> form = Arrays.stream(new String(exchange.getRequestBody().readAllBytes(),
                            StandardCharsets.UTF_8).split("&")).map(pair -> pair.split("=", 2))
                    .collect(Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p.length > 1 ? p[1] : "",
                            StandardCharsets.UTF_8), (a, b) -> a));
            String code = form.getOrDefault("code", "");
            respond(exchange, 200, byCode.containsKey(code) && form.containsKey("code_verifier")
                    ? "{\"access_token\":\"" + code + "\",\"scope\":\"read:user,user:email\",\"token_type\":\"bearer\"}"
                    : "{\"error\":\"bad_verification_code\",\"error_description\":\"The code passed is incorrect or expired.\"}");
        });
        server.createContext("/api/user/emails", exchange -> {
            Account account = accountOf(exchange);
            respond(exchange, account == null ? 401 : 200, account == null ? "{\"message\":\"Bad credentials\"}"
                    : account.emailsJson());
        });
        server.createContext("/api/user", exchange -> {
            Account account = accountOf(exchange);
            respond(exchange, account == null ? 401 : 200, account == null ? "{\"message\":\"Bad credentials\"}"
                    : "{\"login\":\"user" + account.id() + "\",\"id\":" + account.id() + ",\"type\":\"User\",\"name\":\"A User\"}");
        });
        server.start();
    }

    static GithubStandIn shared() {
        return SHARED;
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Spring properties configuring {@code providerId} as the {@code github} preset pointed at this stand-in. */
    Map<String, String> providerProperties(String providerId, String redirectUri) {
        String prefix = "latchkey.federation.providers." + providerId + ".";
        return Map.of(prefix + "preset", "github",
                prefix + "client-id", "Iv1.standin",
                prefix + "client-secret", "standin-secret",
                prefix + "redirect-uris[0]", redirectUri,
                prefix + "authorization-endpoint", base() + "/login/oauth/authorize",
                prefix + "token-endpoint", base() + "/login/oauth/access_token",
                prefix + "user-endpoint", base() + "/api/user",
                prefix + "emails-endpoint", base() + "/api/user/emails");
    }

    /** The code GitHub would hand the callback for a user with this id and {@code /user/emails} answer. */
    void register(String code, long id, String emailsJson) {
        byCode.put(code, new Account(id, emailsJson));
    }

    private Account accountOf(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        return authorization == null || !authorization.startsWith("Bearer ") ? null
                : byCode.get(authorization.substring("Bearer ".length()));
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
