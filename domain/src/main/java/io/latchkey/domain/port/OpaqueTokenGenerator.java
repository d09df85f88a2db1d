package io.latchkey.domain.port;

/** Unguessable URL-safe strings (256 bits, base64url) for state, nonces, PKCE verifiers and one-time codes. */
public interface OpaqueTokenGenerator {

    String newToken();
}
