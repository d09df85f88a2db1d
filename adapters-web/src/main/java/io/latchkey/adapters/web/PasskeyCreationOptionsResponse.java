package io.latchkey.adapters.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.latchkey.domain.model.passkey.PasskeyOptions;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Objects;

/**
 * {@code PublicKeyCredentialCreationOptionsJSON} (WebAuthn Level 3): the browser takes it as is through
 * {@code PublicKeyCredential.parseCreationOptionsFromJSON()}, hence camelCase unlike the rest of the API.
 */
@Schema(description = "PublicKeyCredentialCreationOptionsJSON: pass to PublicKeyCredential.parseCreationOptionsFromJSON()")
@JsonInclude(JsonInclude.Include.NON_NULL)
record PasskeyCreationOptionsResponse(String challenge, RelyingParty rp, UserEntity user,
        List<Parameter> pubKeyCredParams, long timeout, List<Descriptor> excludeCredentials,
        Selection authenticatorSelection, String attestation) {

    record RelyingParty(String id, String name) {
    }

    record UserEntity(String id, String name, String displayName) {
    }

    record Parameter(String type, long alg) {
    }

    record Descriptor(String type, String id) {
    }

    record Selection(String residentKey, boolean requireResidentKey, String userVerification) {
    }

    static PasskeyCreationOptionsResponse from(PasskeyOptions options, List<Long> algorithms) {
        String name = Objects.requireNonNull(options.userName());
        return new PasskeyCreationOptionsResponse(options.challenge(), new RelyingParty(options.rpId(), options.rpName()),
                new UserEntity(Objects.requireNonNull(options.userHandle()), name, name),
                algorithms.stream().map(alg -> new Parameter("public-key", alg)).toList(), options.timeoutMillis(),
                options.credentialIds().stream().map(id -> new Descriptor("public-key", id)).toList(),
                // A discoverable credential is what makes passwordless sign-in possible; user verification is asked
                // for (and demanded when the passkey is used without a password).
                new Selection("required", true, "preferred"), "none");
    }
}
