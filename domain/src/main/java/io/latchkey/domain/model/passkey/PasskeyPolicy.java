package io.latchkey.domain.model.passkey;

import java.time.Duration;
import java.util.Objects;

/**
 * The relying party browsers see (its id, a domain the web app's origins share, and its display name) and how long a
 * ceremony's challenge lives.
 */
public record PasskeyPolicy(String rpId, String rpName, Duration ceremonyTtl) {

    public PasskeyPolicy {
        Objects.requireNonNull(rpId, "rpId");
        Objects.requireNonNull(rpName, "rpName");
        Objects.requireNonNull(ceremonyTtl, "ceremonyTtl");
        if (rpId.isBlank() || ceremonyTtl.isNegative() || ceremonyTtl.isZero()) {
            throw new IllegalArgumentException("an rp id and a positive ceremony lifetime");
        }
    }
}
