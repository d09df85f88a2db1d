package io.latchkey.domain.model.passkey;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a client passes to the browser to start a ceremony: the challenge (base64url), the relying party, the
 * credentials to allow (an assertion) or exclude (a registration), whether user verification is required, and, for
 * a registration, the account's user handle (base64url) and name.
 */
public record PasskeyOptions(String challenge, String rpId, String rpName, long timeoutMillis,
        List<String> credentialIds, boolean userVerificationRequired, @Nullable String userHandle,
        @Nullable String userName) {

    public PasskeyOptions {
        Objects.requireNonNull(challenge, "challenge");
        credentialIds = List.copyOf(credentialIds);
    }
}
