package io.latchkey.domain.model.passkey;

import io.latchkey.domain.model.session.AuthMethod;
import io.latchkey.domain.model.user.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A registered passkey: its own id (what the API names), the WebAuthn credential id (base64url), the owner, a name
 * the user chose, the attested credential data (public key, opaque here), the last signature counter seen, and
 * whether the authenticator said the credential may be backed up (synced), which decides {@code swk} or {@code hwk}.
 */
public record Passkey(UUID id, String credentialId, UserId userId, String name, byte[] credentialData, long signCount,
        boolean backupEligible, Instant createdAt, @Nullable Instant lastUsedAt) {

    public static final int MAX_NAME_LENGTH = 64;

    public Passkey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(credentialId, "credentialId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(credentialData, "credentialData");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /**
     * The {@code amr} value a use of this passkey proves: {@code swk} for a credential that may be synced between
     * devices (its key lives in software the user's account controls), {@code hwk} for one bound to its device.
     */
    public AuthMethod method() {
        return backupEligible ? AuthMethod.SWK : AuthMethod.HWK;
    }

    @Override
    public String toString() {
        return "Passkey[id=" + id + ", userId=" + userId + ", name=" + name + "]";
    }
}
