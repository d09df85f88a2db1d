package io.latchkey.domain.model.federation;

import io.latchkey.domain.model.user.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * What a one-time Latchkey code stands for: the account the provider's identity resolved to and its auth epoch
 * then (a logout-all or password reset before the code is redeemed voids it), the provider, when the user
 * authenticated there, and the app's PKCE challenge the redeemer must answer.
 */
public record FederatedGrant(UserId userId, long authEpoch, String provider, Instant authTime,
        CodeChallenge appChallenge) {

    public FederatedGrant {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(authTime, "authTime");
        Objects.requireNonNull(appChallenge, "appChallenge");
    }
}
