package io.latchkey.domain.port;

import io.latchkey.domain.model.mfa.RecoveryCode;
import io.latchkey.domain.model.mfa.TotpSecret;
import java.util.List;

/** Makes second-factor secrets from a cryptographically strong source. */
public interface FactorSecretGenerator {

    TotpSecret newTotpSecret();

    /** {@link RecoveryCode#COUNT} fresh, distinct recovery codes. */
    List<RecoveryCode> newRecoveryCodes();

    /** The secret part of an MFA challenge token (at least 128 bits, URL-safe). */
    String newChallengeSecret();
}
