package io.latchkey.domain.port;

import io.latchkey.domain.model.passkey.Passkey;
import io.latchkey.domain.model.passkey.PasskeyAssertion;
import io.latchkey.domain.model.passkey.PasskeyRegistration;
import io.latchkey.domain.model.passkey.VerifiedCredential;

/**
 * Verifies WebAuthn answers against the configured relying party (rp id, allowed origins); every failure is an
 * {@link io.latchkey.domain.error.InvalidPasskeyException}.
 */
public interface PasskeyVerifier {

    /** The challenge (base64url) the client data names, read before anything is verified to find its ceremony. */
    String challengeOf(byte[] clientDataJson);

    /** A registration answering {@code challenge}; attestation {@code none} is accepted. */
    VerifiedCredential verifyRegistration(PasskeyRegistration registration, String challenge,
            boolean userVerificationRequired);

    /**
     * An assertion answering {@code challenge} signed by {@code stored}; returns the authenticator's new signature
     * counter, which must be above the stored one unless both are zero.
     */
    long verifyAssertion(PasskeyAssertion assertion, Passkey stored, String challenge, boolean userVerificationRequired);
}
