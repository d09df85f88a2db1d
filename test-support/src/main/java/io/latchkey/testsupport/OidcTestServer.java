package io.latchkey.testsupport;

import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

/**
 * A real OpenID Connect provider in this JVM (mock-oauth2-server) on a random port, serving discovery, JWKS,
 * authorization (without a login page: it answers at once with a code) and token endpoints for any issuer id in the
 * path. Three issuers are used: {@value #GOOGLE_LIKE} (asserts {@code email} and {@code email_verified}),
 * {@value #KAKAO_LIKE} (no email) and {@value #DEV} for the local run, which always signs in one fixed user.
 */
public final class OidcTestServer implements Server {

    public static final String GOOGLE_LIKE = "google-like";
    public static final String KAKAO_LIKE = "kakao-like";
    public static final String DEV = "dev";
    public static final String CLIENT_ID = "latchkey-test-client";
    public static final String CLIENT_SECRET = "latchkey-test-secret";
    public static final String DEV_EMAIL = "dev-user@example.com";

    private final MockOAuth2Server server;

    private OidcTestServer() {
        // The dev issuer's fixed user, for the README walkthrough; tests enqueue their own users instead.
        String config = """
                {"interactiveLogin": false, "tokenCallbacks": [{"issuerId": "dev", "tokenExpiry": 3600,
                  "requestMappings": [{"requestParam": "grant_type", "match": "*",
                    "claims": {"sub": "dev-user", "email": "%s", "email_verified": true, "aud": ["%s"]}}]}]}
                """.formatted(DEV_EMAIL, CLIENT_ID);
        this.server = new MockOAuth2Server(OAuth2Config.Companion.fromJson(config));
    }

    static OidcTestServer start() {
        OidcTestServer started = new OidcTestServer();
        started.server.start(Ports.free());
        return started;
    }

    /** The issuer URI of {@code issuerId}, as discovery and the ID tokens name it. */
    public String issuer(String issuerId) {
        return server.issuerUrl(issuerId).toString();
    }

    /**
     * The next token request to {@code issuerId} answers for {@code subject} with these extra ID-token claims, for
     * the audience {@link #CLIENT_ID}.
     */
    public void nextUser(String issuerId, String subject, Map<String, Object> claims) {
        nextToken(issuerId, subject, List.of(CLIENT_ID), claims, 3600);
    }

    /** The next token request to {@code issuerId} answers with exactly these audience, claims and lifetime. */
    public void nextToken(String issuerId, String subject, List<String> audience, Map<String, Object> claims,
            long expirySeconds) {
        server.enqueueCallback(new DefaultOAuth2TokenCallback(issuerId, subject, "JWT", audience, claims, expirySeconds));
    }

    /** An ID token signed by {@code issuerId}'s key, as a native SDK would have obtained it. */
    public String idToken(String issuerId, String subject, List<String> audience, Map<String, Object> claims,
            long expirySeconds) {
        return server.issueToken(issuerId, CLIENT_ID,
                new DefaultOAuth2TokenCallback(issuerId, subject, "JWT", audience, claims, expirySeconds)).serialize();
    }

    /** Spring properties configuring {@code providerId} as a generic OpenID Connect provider backed by {@code issuerId}. */
    public Map<String, String> providerProperties(String providerId, String issuerId, String redirectUri) {
        String prefix = "latchkey.federation.providers." + providerId + ".";
        return Map.of(prefix + "preset", "oidc",
                prefix + "issuer", issuer(issuerId),
                prefix + "client-id", CLIENT_ID,
                prefix + "client-secret", CLIENT_SECRET,
                prefix + "redirect-uris[0]", redirectUri);
    }

    /** An issuer URI on a loopback port nothing listens on: a provider that is down. */
    public static String unreachableIssuer() {
        return "http://127.0.0.1:" + Ports.free() + "/down";
    }

    @Override
    public Map<String, String> properties() {
        return Map.of();
    }

    @Override
    public String description() {
        return "in-process OpenID Connect provider (mock-oauth2-server) at " + server.baseUrl();
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
