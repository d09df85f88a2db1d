package io.latchkey.adapters.web.federation;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One OpenID Connect provider as Latchkey's client: its issuer (metadata from
 * {@code <issuer>/.well-known/openid-configuration}), the client id and secret, the scopes asked for, and the
 * further client ids (of native apps) whose ID tokens are accepted on the native endpoint.
 */
public record IdentityProviderSettings(String id, URI issuer, String clientId, @Nullable String clientSecret,
        List<String> scopes, Set<String> nativeClientIds) {

    public IdentityProviderSettings {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(clientId, "clientId");
        scopes = List.copyOf(scopes);
        nativeClientIds = Set.copyOf(nativeClientIds);
    }

    /** The audiences an ID token may name: the browser flow's client id and the native apps' ones. */
    Set<String> audiences() {
        var all = new java.util.HashSet<>(nativeClientIds);
        all.add(clientId);
        return Set.copyOf(all);
    }
}
