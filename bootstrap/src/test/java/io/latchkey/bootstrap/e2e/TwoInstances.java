package io.latchkey.bootstrap.e2e;

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
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Two Latchkey instances on random ports sharing key material and the test servers, as two pods would. */
final class TwoInstances implements AutoCloseable {

    final ConfigurableApplicationContext a;
    final ConfigurableApplicationContext b;
    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, Object> shared;
    private final List<ConfigurableApplicationContext> later = new java.util.ArrayList<>();

    TwoInstances(Map<String, String> extra) {
        shared = sharedProperties(extra);
        a = start(shared, "instance-a");
        b = start(shared, "instance-b");
    }

    /** What every instance of one cluster shares: the test servers, the keys, and {@code extra}. */
    static Map<String, Object> sharedProperties(Map<String, String> extra) {
        Map<String, Object> shared = new HashMap<>(TestInfrastructure.shared().properties());
        shared.putAll(keys());
        shared.put("server.port", "0");
        shared.put("latchkey.sessions.cleanup.enabled", "false");
        // These instances measure propagation with hundreds of logins from one address; limits are tested elsewhere.
        shared.put("latchkey.rate-limits.enabled", "false");
        shared.putAll(extra);
        return shared;
    }

    /**
     * One more instance with the same keys and servers, as a pod started later. Closed with the others: closing one
     * instance disposes the Reactor Netty resources every instance in this JVM shares.
     */
    ConfigurableApplicationContext startAnother(String id, Map<String, String> extra) {
        Map<String, Object> properties = new HashMap<>(shared);
        properties.putAll(extra);
        ConfigurableApplicationContext instance = start(properties, id);
        later.add(instance);
        return instance;
    }

    static ConfigurableApplicationContext start(Map<String, Object> shared, String id) {
        Map<String, Object> properties = new HashMap<>(shared);
        properties.put("latchkey.instance-id", id);
        // As arguments, so they outrank application.yaml like a deployment's environment does.
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

    HttpResponse<String> post(ConfigurableApplicationContext instance, String path, String json, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(instance, path)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request.build());
    }

    HttpResponse<String> get(ConfigurableApplicationContext instance, String path) {
        return send(HttpRequest.newBuilder(URI.create(url(instance, path))).GET().build());
    }

    int getStatus(ConfigurableApplicationContext instance, String path, String bearer) {
        return send(HttpRequest.newBuilder(URI.create(url(instance, path))).header("Authorization", "Bearer " + bearer)
                .GET().build()).statusCode();
    }

    /** The body of an unauthenticated GET, e.g. the Prometheus scrape. */
    String getBody(ConfigurableApplicationContext instance, String path) {
        return send(HttpRequest.newBuilder(URI.create(url(instance, path))).GET().build()).body();
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
        later.forEach(ConfigurableApplicationContext::close);
        b.close();
        a.close();
    }
}
