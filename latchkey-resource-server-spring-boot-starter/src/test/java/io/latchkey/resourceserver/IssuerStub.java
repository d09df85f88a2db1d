package io.latchkey.resourceserver;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * A local issuer for unit tests: the discovery document, a JWKS at the address it names (not Latchkey's default
 * path), and an introspection endpoint that reads Basic credentials the way Latchkey's does (Base64, then split at
 * the first colon, no further decoding).
 */
public final class IssuerStub implements AutoCloseable {

    public final RSAKey key;
    public final AtomicInteger jwksFetches = new AtomicInteger();
    public final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    public volatile int jwksStatus = 200;
    public volatile String introspectionEndpoint;
    public final String clientId;
    public final String clientSecret;
    private final HttpServer server;

    public IssuerStub(String clientId, String clientSecret) throws IOException {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        try {
            key = new RSAKeyGenerator(2048).keyID("k1").generate();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        introspectionEndpoint = issuer() + "/api/v1/auth/introspect";
        server.createContext("/", this::handle);
        server.start();
    }

    public URI issuer() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        switch (path) {
            case "/.well-known/latchkey-configuration" -> send(exchange, 200, "{\"issuer\":\"" + issuer()
                    + "\",\"jwks_uri\":\"" + issuer() + "/keys/published.json\",\"introspection_endpoint\":\""
                    + introspectionEndpoint + "\"}");
            case "/keys/published.json" -> {
                jwksFetches.incrementAndGet();
                send(exchange, jwksStatus, jwksStatus == 200 ? new JWKSet(key.toPublicJWK()).toString() : "{}");
            }
            case "/api/v1/auth/introspect" -> {
                String header = exchange.getRequestHeaders().getFirst("Authorization");
                String decoded = header == null || !header.startsWith("Basic ") ? ""
                        : new String(Base64.getDecoder().decode(header.substring(6)), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                boolean known = colon > 0 && decoded.substring(0, colon).equals(clientId)
                        && decoded.substring(colon + 1).equals(clientSecret);
                send(exchange, known ? 200 : 401, known ? "{\"active\":true}" : "{}");
            }
            default -> send(exchange, 404, "{}");
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    /** A signed access token as Latchkey issues them, changed by {@code edit}. */
    public String token(UnaryOperator<JWTClaimsSet.Builder> edit, String type, String kid) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuer().toString()).audience("latchkey")
                .subject("u1").claim("client_id", "latchkey").claim("sid", "s1").claim("epoch", 3L)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(900)))
                .jwtID(UUID.randomUUID().toString());
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid)
                    .type(new JOSEObjectType(type)).build(), edit.apply(claims).build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public String token() {
        return token(c -> c, "at+jwt", "k1");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
