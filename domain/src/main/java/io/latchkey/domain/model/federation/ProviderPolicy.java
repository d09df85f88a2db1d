package io.latchkey.domain.model.federation;

import java.util.Objects;
import java.util.Set;

/**
 * What Latchkey allows for one provider: the app redirect URIs (exact match only), and whether a new identity may
 * join an existing account with the same address, which it does only when both sides have it verified.
 */
public record ProviderPolicy(String id, Set<String> redirectUris, boolean autoLinkVerifiedEmail) {

    public ProviderPolicy {
        Objects.requireNonNull(id, "id");
        redirectUris = Set.copyOf(redirectUris);
    }

    public boolean allowsRedirect(String redirectUri) {
        return redirectUris.contains(redirectUri);
    }
}
