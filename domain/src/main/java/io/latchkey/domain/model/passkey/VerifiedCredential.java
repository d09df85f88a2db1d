package io.latchkey.domain.model.passkey;

import java.util.Objects;

/** What a verified registration proved: the new credential's id (base64url), its attested data and flags. */
public record VerifiedCredential(String credentialId, byte[] credentialData, long signCount, boolean backupEligible) {

    public VerifiedCredential {
        Objects.requireNonNull(credentialId, "credentialId");
        Objects.requireNonNull(credentialData, "credentialData");
    }
}
