package io.latchkey.adapters.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.latchkey.domain.model.passkey.Passkey;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One of the caller's passkeys; {@code synced} when the authenticator may back it up (amr {@code swk}, else {@code hwk}). */
record PasskeyResponse(UUID id, String name, @JsonProperty("credential_id") String credentialId, boolean synced,
        @JsonProperty("created_at") Instant createdAt, @JsonProperty("last_used_at") @Nullable Instant lastUsedAt) {

    static PasskeyResponse from(Passkey passkey) {
        return new PasskeyResponse(passkey.id(), passkey.name(), passkey.credentialId(), passkey.backupEligible(),
                passkey.createdAt(), passkey.lastUsedAt());
    }
}
