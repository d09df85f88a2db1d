package io.latchkey.domain.model.federation;

import io.latchkey.domain.model.user.UserId;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A browser flow between the redirect to the provider and its return, kept under its {@code state}: where the
 * app wants the result, the app's own PKCE challenge and state, the nonce and PKCE verifier Latchkey sent the
 * provider, and, when a logged-in user is linking a provider, that user.
 */
public record PendingAuthorization(String provider, String redirectUri, CodeChallenge appChallenge,
        @Nullable String appState, String nonce, String providerCodeVerifier, @Nullable UserId linkingUser) {

    public PendingAuthorization {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(redirectUri, "redirectUri");
        Objects.requireNonNull(appChallenge, "appChallenge");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(providerCodeVerifier, "providerCodeVerifier");
    }
}
