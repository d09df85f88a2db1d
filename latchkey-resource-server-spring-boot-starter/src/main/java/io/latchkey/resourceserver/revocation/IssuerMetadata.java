package io.latchkey.resourceserver.revocation;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where the issuer's signing keys are: {@code latchkey.resource-server.jwk-set-uri} when set, otherwise the
 * {@code jwks_uri} of the issuer's discovery document ({@code <issuer>/.well-known/latchkey-configuration}), read on
 * first use and kept once found (a failed read is tried again on the next use; tokens are refused meanwhile).
 */
public final class IssuerMetadata {

    private final HttpClient http;
    private final JsonMapper json;
    private final URI issuer;
    private final @Nullable URI configuredJwks;
    private final Duration timeout;
    private volatile @Nullable URI jwks;

    public IssuerMetadata(HttpClient http, URI issuer, @Nullable URI configuredJwks, Duration timeout) {
        this.http = http;
        this.json = JsonMapper.builder().build();
        this.issuer = issuer;
        this.configuredJwks = configuredJwks;
        this.timeout = timeout;
    }

    /** The discovery document's address under the issuer. */
    public static URI discovery(URI issuer) {
        String base = issuer.toString().endsWith("/") ? issuer.toString() : issuer + "/";
        return URI.create(base).resolve(".well-known/latchkey-configuration");
    }

    /** The JWKS address, from the override or the discovery document. */
    public CompletableFuture<URI> jwksUri() {
        URI known = configuredJwks != null ? configuredJwks : jwks;
        if (known != null) {
            return CompletableFuture.completedFuture(known);
        }
        URI metadata = discovery(issuer);
        return http.sendAsync(HttpRequest.newBuilder(metadata).timeout(timeout).header("Accept", "application/json")
                        .GET().build(), HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> {
                    JsonNode node = response.statusCode() == 200 ? json.readTree(response.body()).get("jwks_uri") : null;
                    if (node == null || !node.isString() || node.asString().isBlank()) {
                        throw new IllegalStateException("no jwks_uri at " + metadata + " (HTTP "
                                + response.statusCode() + ")");
                    }
                    URI found = URI.create(node.asString());
                    jwks = found;
                    return found;
                });
    }
}
