package io.latchkey.adapters.web;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.latchkey.domain.error.FieldViolation;
import io.latchkey.domain.error.InvalidInputException;
import io.latchkey.domain.model.passkey.PasskeyAssertion;
import io.latchkey.domain.model.passkey.PasskeyRegistration;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A {@code PublicKeyCredential} as the browser's {@code toJSON()} writes it (WebAuthn Level 3): byte fields in
 * base64url. One shape for both ceremonies; which response fields are needed depends on the ceremony.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@Schema(description = "A PublicKeyCredential as credential.toJSON() writes it; byte fields are base64url")
record PasskeyCredentialJson(
        @Schema(description = "The credential id (base64url)") @Nullable String id,
        @Schema(description = "Always public-key", example = "public-key") @Nullable String type,
        @Nullable Response response) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Response(
            @JsonProperty("clientDataJSON") @Nullable String clientDataJson,
            @Schema(description = "Registration only") @Nullable String attestationObject,
            @Schema(description = "Registration only") @Nullable List<String> transports,
            @Schema(description = "Assertion only") @Nullable String authenticatorData,
            @Schema(description = "Assertion only") @Nullable String signature,
            @Schema(description = "Assertion only; present for a discoverable credential") @Nullable String userHandle) {
    }

    static final int MAX_TRANSPORTS = 8;
    static final int MAX_TRANSPORT_LENGTH = 32;

    PasskeyRegistration toRegistration(String field) {
        Fields fields = new Fields(field);
        Response r = fields.response(this);
        byte[] clientData = fields.bytes(r == null ? null : r.clientDataJson(), "response.clientDataJSON");
        byte[] attestation = fields.bytes(r == null ? null : r.attestationObject(), "response.attestationObject");
        List<String> transports = fields.transports(r == null ? null : r.transports());
        fields.throwIfAny();
        return new PasskeyRegistration(clientData, attestation, transports);
    }

    PasskeyAssertion toAssertion(String field) {
        Fields fields = new Fields(field);
        Response r = fields.response(this);
        byte[] credentialId = fields.bytes(id, "id");
        byte[] clientData = fields.bytes(r == null ? null : r.clientDataJson(), "response.clientDataJSON");
        byte[] authenticator = fields.bytes(r == null ? null : r.authenticatorData(), "response.authenticatorData");
        byte[] signature = fields.bytes(r == null ? null : r.signature(), "response.signature");
        byte[] userHandle = r == null || r.userHandle() == null || r.userHandle().isEmpty() ? null
                : fields.bytes(r.userHandle(), "response.userHandle");
        fields.throwIfAny();
        // Re-encoded: the stored id is unpadded base64url, whatever padding the client kept.
        return new PasskeyAssertion(Base64.getUrlEncoder().withoutPadding().encodeToString(credentialId), clientData, authenticator, signature, userHandle);
    }

    /** Collects the bad fields of one credential, named under {@code field}. */
    private static final class Fields {

        private final String prefix;
        private final List<FieldViolation> violations = new ArrayList<>();

        Fields(String prefix) {
            this.prefix = prefix;
        }

        @Nullable Response response(PasskeyCredentialJson credential) {
            if (credential.type() != null && !credential.type().equals("public-key")) {
                violations.add(new FieldViolation(prefix + ".type", "must be public-key"));
            }
            if (credential.response() == null) {
                violations.add(new FieldViolation(prefix + ".response", "is required"));
            }
            return credential.response();
        }

        byte[] bytes(@Nullable String value, String name) {
            if (value == null || value.isEmpty()) {
                violations.add(new FieldViolation(prefix + "." + name, "is required"));
                return new byte[0];
            }
            if (value.length() > 16_384) {
                violations.add(new FieldViolation(prefix + "." + name, "is too long"));
                return new byte[0];
            }
            try {
                return Base64.getUrlDecoder().decode(value);
            } catch (IllegalArgumentException e) {
                violations.add(new FieldViolation(prefix + "." + name, "is not base64url"));
                return new byte[0];
            }
        }

        List<String> transports(@Nullable List<String> transports) {
            if (transports == null) {
                return List.of();
            }
            if (transports.size() > MAX_TRANSPORTS || transports.stream().anyMatch(t -> t == null || t.isEmpty()
                    || t.length() > MAX_TRANSPORT_LENGTH)) {
                violations.add(new FieldViolation(prefix + ".response.transports", "at most " + MAX_TRANSPORTS
                        + " non-empty strings of at most " + MAX_TRANSPORT_LENGTH + " characters"));
                return List.of();
            }
            return List.copyOf(transports);
        }

        void throwIfAny() {
            if (!violations.isEmpty()) {
                throw new InvalidInputException(violations);
            }
        }
    }
}
