package io.latchkey.domain.model.session;

import io.latchkey.domain.model.user.UserId;
import java.time.Instant;
import java.util.Collection;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One login: a refresh-token family. {@code generation} counts rotations; the refresh token of
 * generation {@code g} is the only one that rotates it. Idle expiry moves with each rotation but never
 * past {@code absoluteExpiresAt}. {@code authentication} says how and when its user last proved who they are; rotation
 * keeps it, a step-up replaces it.
 */
public record Session(
        SessionId id,
        UserId userId,
        SessionStatus status,
        long generation,
        Instant createdAt,
        Instant lastUsedAt,
        @Nullable Instant rotatedAt,
        Instant idleExpiresAt,
        Instant absoluteExpiresAt,
        ClientInfo client,
        @Nullable RevocationReason revocationReason,
        SessionAuthentication authentication) {

    public Session {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastUsedAt, "lastUsedAt");
        Objects.requireNonNull(idleExpiresAt, "idleExpiresAt");
        Objects.requireNonNull(absoluteExpiresAt, "absoluteExpiresAt");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(authentication, "authentication");
        if (idleExpiresAt.isAfter(absoluteExpiresAt)) {
            throw new IllegalArgumentException("idle expiry beyond absolute expiry");
        }
    }

    public static Session start(SessionId id, UserId userId, ClientInfo client, SessionAuthentication authentication,
            TokenPolicy policy, Instant now) {
        Instant absolute = now.plus(policy.sessionAbsoluteTtl());
        return new Session(id, userId, SessionStatus.ACTIVE, 0, now, now, null,
                earliest(now.plus(policy.refreshIdleTtl()), absolute), absolute, client, null, authentication);
    }

    /** This session after its user authenticated again (step-up) at {@code now} with {@code presented}. */
    public Session reauthenticated(Collection<AuthMethod> presented, Instant now) {
        return new Session(id, userId, status, generation, createdAt, lastUsedAt, rotatedAt, idleExpiresAt,
                absoluteExpiresAt, client, revocationReason, authentication.reauthenticated(presented, now));
    }

    public boolean isUsableAt(Instant now) {
        return status == SessionStatus.ACTIVE && now.isBefore(idleExpiresAt) && now.isBefore(absoluteExpiresAt);
    }

    /** The next generation of this session, as a successful rotation at {@code now} leaves it. */
    public Session rotated(TokenPolicy policy, Instant now) {
        return new Session(id, userId, status, generation + 1, createdAt, now, now,
                earliest(now.plus(policy.refreshIdleTtl()), absoluteExpiresAt), absoluteExpiresAt, client, null,
                authentication);
    }

    /**
     * Whether {@code presentedGeneration} is the immediately previous generation, rotated less than the
     * grace window ago: a lost response or two tabs, not theft.
     */
    public boolean isGraceRetry(long presentedGeneration, TokenPolicy policy, Instant now) {
        return status == SessionStatus.ACTIVE
                && presentedGeneration == generation - 1
                && rotatedAt != null
                && !now.isAfter(rotatedAt.plus(policy.reuseGrace()))
                && isUsableAt(now);
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
