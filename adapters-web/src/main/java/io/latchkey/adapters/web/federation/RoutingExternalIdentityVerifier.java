package io.latchkey.adapters.web.federation;

import io.latchkey.domain.error.AuthErrorCode;
import io.latchkey.domain.error.FederationException;
import io.latchkey.domain.model.federation.ExternalIdentity;
import io.latchkey.domain.port.ExternalIdentityVerifier;
import java.net.URI;
import reactor.core.publisher.Mono;

/** Sends each provider to its client: OpenID Connect, or plain OAuth 2.0 for providers without ID tokens. */
public final class RoutingExternalIdentityVerifier implements ExternalIdentityVerifier {

    private final FederationClientSettings settings;
    private final ExternalIdentityVerifier oidc;
    private final ExternalIdentityVerifier oauth;

    public RoutingExternalIdentityVerifier(FederationClientSettings settings, ExternalIdentityVerifier oidc,
            ExternalIdentityVerifier oauth) {
        this.settings = settings;
        this.oidc = oidc;
        this.oauth = oauth;
    }

    @Override
    public Mono<URI> authorizationUri(String provider, URI callback, String state, String nonce, String codeChallenge) {
        return Mono.defer(() -> route(provider).authorizationUri(provider, callback, state, nonce, codeChallenge));
    }

    @Override
    public Mono<ExternalIdentity> redeem(String provider, URI callback, String code, String codeVerifier, String nonce) {
        return Mono.defer(() -> route(provider).redeem(provider, callback, code, codeVerifier, nonce));
    }

    @Override
    public Mono<ExternalIdentity> verifyIdToken(String provider, String idToken, String nonce) {
        return Mono.defer(() -> route(provider).verifyIdToken(provider, idToken, nonce));
    }

    private ExternalIdentityVerifier route(String provider) {
        IdentityProviderSettings client = settings.providers().get(provider);
        if (client == null) {
            throw new FederationException(AuthErrorCode.UNKNOWN_IDENTITY_PROVIDER);
        }
        return client.issuesIdTokens() ? oidc : oauth;
    }
}
