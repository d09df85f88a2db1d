package io.latchkey.bootstrap.cluster;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.latchkey.bootstrap.LatchkeyApplication;
import io.latchkey.testsupport.TestInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two Latchkey instances on random ports against the clustered test servers ({@link TestInfrastructure#clustered()}),
 * sharing key material as two pods would. Behind one trusted proxy, so each test client can have an address of its own.
 */
final class ClusteredInstances implements AutoCloseable {

    /** A request that found nothing listening or timed out, counted apart from HTTP statuses. */
    static final int NO_ANSWER = -1;

    final ConfigurableApplicationContext a;
    final ConfigurableApplicationContext b;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    ClusteredInstances(TestInfrastructure infra) {
        this(infra, Map.of());
    }

    /** With {@code extra} properties over the infrastructure's, e.g. a database or a Kafka of the test's own. */
    ClusteredInstances(TestInfrastructure infra, Map<String, String> extra) {
        Map<String, Object> shared = new HashMap<>(sharedProperties(infra));
        shared.put("server.port", "0");
        shared.putAll(extra);
        a = start(shared, "cluster-a");
        b = start(shared, "cluster-b");
    }

    /** What every instance of one cluster is given: the servers, one signing key and refresh secret, the same limits. */
    static Map<String, String> sharedProperties(TestInfrastructure infra) {
        Map<String, String> shared = new HashMap<>(infra.properties());
        shared.putAll(keys());
        shared.put("latchkey.sessions.cleanup.enabled", "false");
        shared.put("latchkey.client-address.trusted-proxies", "1");
        // The failover tests log each account in many times a minute; the limits themselves stay on.
        shared.put("latchkey.rate-limits.limits.login-per-account", "200/1m");
        shared.put("latchkey.rate-limits.limits.login-per-ip", "200/1m");
        return shared;
    }

    private static ConfigurableApplicationContext start(Map<String, Object> shared, String id) {
        Map<String, Object> properties = new HashMap<>(shared);
        properties.put("latchkey.instance-id", id);
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        return new SpringApplicationBuilder(LatchkeyApplication.class).run(args);
    }

    private static Map<String, String> keys() {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyID("shared").keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .generate();
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            return Map.of("latchkey.token.signing.jwk-set", new JWKSet(List.of(key)).toString(false),
                    "latchkey.token.signing.active-kid", "shared",
                    "latchkey.token.signing.refresh-secret", Base64.getEncoder().encodeToString(secret));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String url(ConfigurableApplicationContext instance, String path) {
        return "http://localhost:" + instance.getEnvironment().getProperty("local.server.port") + path;
    }

    /** A JSON POST from the client at {@code clientAddress} (as the trusted proxy reports it), with an optional bearer. */
    HttpResponse<String> post(ConfigurableApplicationContext instance, String path, String json, @Nullable String bearer,
            String clientAddress) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(instance, path)))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", clientAddress)
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request.build());
    }

    HttpResponse<String> get(ConfigurableApplicationContext instance, String path) {
        return send(HttpRequest.newBuilder(URI.create(url(instance, path))).timeout(Duration.ofSeconds(10)).GET().build());
    }

    /** The status of {@code GET /api/v1/me} with {@code bearer}, or {@link #NO_ANSWER}. */
    int me(ConfigurableApplicationContext instance, String bearer) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url(instance, "/api/v1/me"))).timeout(Duration.ofSeconds(5))
                    .header("Authorization", "Bearer " + bearer).GET().build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (java.io.IOException e) {
            return NO_ANSWER;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return NO_ANSWER;
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        b.close();
        a.close();
    }
}
