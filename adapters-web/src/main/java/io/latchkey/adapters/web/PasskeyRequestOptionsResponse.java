package io.latchkey.adapters.web;

import io.latchkey.domain.model.passkey.PasskeyOptions;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * {@code PublicKeyCredentialRequestOptionsJSON} (WebAuthn Level 3), for
 * {@code PublicKeyCredential.parseRequestOptionsFromJSON()}; camelCase as WebAuthn spells it.
 */
@Schema(description = "PublicKeyCredentialRequestOptionsJSON: pass to PublicKeyCredential.parseRequestOptionsFromJSON()")
record PasskeyRequestOptionsResponse(String challenge, String rpId, long timeout,
        List<PasskeyCreationOptionsResponse.Descriptor> allowCredentials, String userVerification) {

    static PasskeyRequestOptionsResponse from(PasskeyOptions options) {
        return new PasskeyRequestOptionsResponse(options.challenge(), options.rpId(), options.timeoutMillis(),
                options.credentialIds().stream().map(id -> new PasskeyCreationOptionsResponse.Descriptor("public-key", id))
                        .toList(),
                options.userVerificationRequired() ? "required" : "preferred");
    }
}
