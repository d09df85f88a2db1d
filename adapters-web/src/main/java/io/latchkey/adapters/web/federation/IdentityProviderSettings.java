package io.latchkey.adapters.web.federation;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One provider as Latchkey's client: its issuer (for OpenID Connect, metadata from
 * {@code <issuer>/.well-known/openid-configuration}), the client id and secret, the scopes asked for, and the
 * further client ids (of native apps) whose ID tokens are accepted on the native endpoint. {@code oauth} is set for
 * a plain OAuth 2.0 provider that issues no ID tokens (GitHub): its endpoints replace discovery.
 */
public record IdentityProviderSettings(String id, URI issuer, String clientId, @Nullable String clientSecret,
        List<String> scopes, Set<String> nativeClientIds, @Nullable OAuthEndpoints oauth) {

    /** An OpenID Connect provider. */
    public IdentityProviderSettings(String id, URI issuer, String clientId, @Nullable String clientSecret,
            List<String> scopes, Set<String> nativeClientIds) {
        this(id, issuer, clientId, clientSecret, scopes, nativeClientIds, null);
    }

    public IdentityProviderSettings {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(clientId, "clientId");
        scopes = List.copyOf(scopes);
        nativeClientIds = Set.copyOf(nativeClientIds);
    }

    /** Whether the provider issues ID tokens (OpenID Connect) or only access tokens for its API. */
    public boolean issuesIdTokens() {
        return oauth == null;
    }

    /** The client secret stays out of logs and error messages. */
    @Override
    public String toString() {
        return "IdentityProviderSettings[id=" + id + ", issuer=" + issuer + ", clientId=" + clientId
                + ", clientSecret=" + (clientSecret == null ? "none" : "***") + ", scopes=" + scopes
                + ", nativeClientIds=" + nativeClientIds + ", oauth=" + oauth + "]";
    }

    /** The audiences an ID token may name: the browser flow's client id and the native apps' ones. */
    Set<String> audiences() {
        var all = new java.util.HashSet<>(nativeClientIds);
        all.add(clientId);
        return Set.copyOf(all);
    }
}
