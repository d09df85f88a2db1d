package io.latchkey.domain.port;

import io.latchkey.domain.model.mfa.SealedSecret;
import io.latchkey.domain.model.mfa.TotpSecret;

/** Encrypts factor secrets for storage under the active configured key, and decrypts under the key they name. */
public interface FactorSecretCipher {

    SealedSecret seal(TotpSecret secret);

    /** Throws {@link IllegalStateException} when the naming key is not configured or the data was tampered with. */
    TotpSecret open(SealedSecret sealed);
}
