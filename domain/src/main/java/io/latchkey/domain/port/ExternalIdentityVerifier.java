package io.latchkey.domain.port;

import io.latchkey.domain.model.federation.ExternalIdentity;
import java.net.URI;
import reactor.core.publisher.Mono;

/**
 * Talks to the configured identity providers: where to send the browser, redeeming the provider's authorization
 * code, and validating ID tokens (signature from the provider's keys, issuer, audience, expiry, nonce). A provider
 * that does not answer in time fails with {@code DependencyUnavailableException}; a token or code it does not
 * vouch for with {@code FederationException(FEDERATION_REJECTED)}.
 */
public interface ExternalIdentityVerifier {

    /** The provider's authorization endpoint with the code-flow parameters, PKCE S256 included. */
    Mono<URI> authorizationUri(String provider, URI callback, String state, String nonce, String codeChallenge);

    /** Redeems the provider's code (with Latchkey's PKCE verifier) and validates what comes back. */
    Mono<ExternalIdentity> redeem(String provider, URI callback, String code, String codeVerifier, String nonce);

    /** Validates an ID token a native app obtained itself; its audience is one of the provider's client ids. */
    Mono<ExternalIdentity> verifyIdToken(String provider, String idToken, String nonce);
}
