package io.latchkey.resourceserver.revocation;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * RFC 7662 introspection against the issuer (endpoint from its {@code /.well-known/latchkey-configuration}), the fallback while the revocation stream cannot be trusted. Answers are
 * cached for a short time under the token's SHA-256 (never the token itself), in a bounded map; at most
 * {@code maxInFlight} calls run at once. A failed or
 * unexpected answer completes exceptionally: the caller answers 503, never an accept.
 */
public final class IntrospectionClient {

    private record Answer(boolean active, Instant until) {
    }

    private final HttpClient http;
    private final JsonMapper json;
    private final URI issuer;
    private final String authorization;
    private final Duration cacheTtl;
    private final int cacheSize;
    private final Duration timeout;
    private final InstantSource clock;
    private final Map<String, Answer> cache = new ConcurrentHashMap<>();
    private final Semaphore inFlight;
    private volatile @Nullable URI endpoint;

    public IntrospectionClient(HttpClient http, JsonMapper json, URI issuer, String clientId, String clientSecret,
            Duration cacheTtl, int cacheSize, Duration timeout, int maxInFlight, InstantSource clock) {
        this.inFlight = new Semaphore(maxInFlight);
        this.http = http;
        this.json = json;
        this.issuer = issuer;
        // Raw id:secret (RFC 7617), as Latchkey's introspection endpoint decodes it: no form-encoding first.
        this.authorization = basic(clientId, clientSecret);
        this.cacheTtl = cacheTtl;
        this.cacheSize = cacheSize;
        this.timeout = timeout;
        this.clock = clock;
    }

    /** Whether the issuer says the token is active. */
    public CompletableFuture<Boolean> isActive(String token) {
        String key = sha256(token);
        Instant now = clock.instant();
        Answer cached = cache.get(key);
        if (cached != null && now.isBefore(cached.until())) {
            return CompletableFuture.completedFuture(cached.active());
        }
        if (!inFlight.tryAcquire()) {
            // Bounded: a burst while the stream is untrusted answers 503 rather than piling calls onto the issuer.
            return CompletableFuture.failedFuture(new IllegalStateException("too many introspection calls in flight"));
        }
        return endpoint().thenCompose(uri -> http.sendAsync(HttpRequest.newBuilder(uri).timeout(timeout)
                        .header("Authorization", authorization)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("token=" + form(token))).build(),
                HttpResponse.BodyHandlers.ofString()))
                .thenApply(response -> {
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("introspection answered " + response.statusCode());
                    }
                    JsonNode active = json.readTree(response.body()).get("active");
                    if (active == null || !active.isBoolean()) {
                        throw new IllegalStateException("introspection answer without a boolean active");
                    }
                    remember(key, active.asBoolean());
                    return active.asBoolean();
                })
                .whenComplete((active, error) -> inFlight.release());
    }

    private void remember(String key, boolean active) {
        Instant now = clock.instant();
        if (cache.size() >= cacheSize) {
            cache.values().removeIf(a -> !now.isBefore(a.until()));
        }
        if (cache.size() < cacheSize) {
            cache.put(key, new Answer(active, now.plus(cacheTtl)));
        }
    }

    private CompletableFuture<URI> endpoint() {
        URI known = endpoint;
        if (known != null) {
            return CompletableFuture.completedFuture(known);
        }
        String base = issuer.toString().endsWith("/") ? issuer.toString() : issuer + "/";
        URI metadata = URI.create(base).resolve(".well-known/latchkey-configuration");
        return http.sendAsync(HttpRequest.newBuilder(metadata).timeout(timeout).GET().build(),
                        HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> {
                    JsonNode node = response.statusCode() == 200
                            ? json.readTree(response.body()).get("introspection_endpoint") : null;
                    if (node == null || !node.isString()) {
                        throw new IllegalStateException("no introspection_endpoint at " + metadata);
                    }
                    URI found = pinned(issuer, URI.create(node.asString()));
                    endpoint = found;
                    return found;
                });
    }

    /** The Authorization header value for these credentials. */
    static String basic(String clientId, String clientSecret) {
        if (clientId.indexOf(':') >= 0) {
            throw new IllegalArgumentException("an introspection client id cannot contain ':'");
        }
        return "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + clientSecret)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** The endpoint must be on the issuer's own origin: the credentials and tokens go nowhere else. */
    static URI pinned(URI issuer, URI endpoint) {
        if (!issuer.getScheme().equalsIgnoreCase(endpoint.getScheme())
                || !issuer.getHost().equalsIgnoreCase(endpoint.getHost()) || port(issuer) != port(endpoint)) {
            throw new IllegalStateException("introspection_endpoint " + endpoint + " is not on the issuer's origin "
                    + issuer);
        }
        return endpoint;
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
