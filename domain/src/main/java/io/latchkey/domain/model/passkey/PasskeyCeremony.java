package io.latchkey.domain.model.passkey;

import io.latchkey.domain.model.user.UserId;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A pending WebAuthn ceremony, kept under its challenge until answered (once) or expired: its purpose, the account
 * it is for (none for a passwordless sign-in) and, for a second factor, a hash of the MFA token it completes.
 */
public record PasskeyCeremony(PasskeyPurpose purpose, @Nullable UserId userId, @Nullable String mfaTokenHash) {

    public PasskeyCeremony {
        Objects.requireNonNull(purpose, "purpose");
        if ((purpose == PasskeyPurpose.PASSWORDLESS) != (userId == null)) {
            throw new IllegalArgumentException("an account exactly when the ceremony is not a passwordless sign-in");
        }
        if ((purpose == PasskeyPurpose.SECOND_FACTOR) != (mfaTokenHash != null)) {
            throw new IllegalArgumentException("an MFA token exactly for a second factor");
        }
    }

    @Override
    public String toString() {
        return "PasskeyCeremony[" + purpose + ", userId=" + userId + "]";
    }
}
