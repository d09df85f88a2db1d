package io.latchkey.domain.model.passkey;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A browser's answer to {@code navigator.credentials.get()}: the credential id (base64url) and the decoded bytes;
 * the user handle is present for a discoverable credential.
 */
public record PasskeyAssertion(String credentialId, byte[] clientDataJson, byte[] authenticatorData, byte[] signature,
        byte @Nullable [] userHandle) {

    public PasskeyAssertion {
        Objects.requireNonNull(credentialId, "credentialId");
        Objects.requireNonNull(clientDataJson, "clientDataJson");
        Objects.requireNonNull(authenticatorData, "authenticatorData");
        Objects.requireNonNull(signature, "signature");
    }
}
