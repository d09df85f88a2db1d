package io.latchkey.adapters.web;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** The browser's answer to the registration options, and a name for the passkey. */
record PasskeyRegistrationRequest(
        @Schema(description = "A name for the passkey (at most 64 characters); Passkey when absent",
                example = "Laptop") @Nullable String name,
        @Schema(description = "The result of navigator.credentials.create(), as credential.toJSON() writes it")
        @Nullable PasskeyCredentialJson credential) {
}
