package io.latchkey.domain.model.token;

import io.latchkey.domain.model.session.SessionId;
import io.latchkey.domain.model.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What an access token asserts. {@code epoch} is the account's not-before counter at issue time; issuer
 * and audience are the signer's configuration, not per-token facts.
 */
public record AccessTokenClaims(
        TokenId id, UserId subject, SessionId sessionId, Set<String> roles, long epoch, Instant issuedAt, Instant expiresAt,
        List<String> amr, Instant authTime, @Nullable String idp) {

    public AccessTokenClaims {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(sessionId, "sessionId");
        roles = Set.copyOf(roles);
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        amr = List.copyOf(amr);
        Objects.requireNonNull(authTime, "authTime");
        if (!expiresAt.isAfter(issuedAt)) {
            throw new IllegalArgumentException("expiresAt must be after issuedAt");
        }
    }
}
