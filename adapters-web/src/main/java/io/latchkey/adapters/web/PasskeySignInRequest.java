package io.latchkey.adapters.web;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** A passwordless sign-in: the browser's answer to the sign-in options. */
record PasskeySignInRequest(
        @Schema(description = "The result of navigator.credentials.get(), as credential.toJSON() writes it")
        @Nullable PasskeyCredentialJson credential) {
}
