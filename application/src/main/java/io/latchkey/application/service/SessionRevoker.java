package io.latchkey.application.service;

import io.latchkey.domain.event.SessionRevoked;
import io.latchkey.domain.model.session.RevocationReason;
import io.latchkey.domain.model.session.SessionId;
import io.latchkey.domain.model.session.TokenPolicy;
import io.latchkey.domain.model.user.UserId;
import io.latchkey.domain.port.AuthEventPublisher;
import io.latchkey.domain.port.IdGenerator;
import io.latchkey.domain.port.NearAuthCache;
import io.latchkey.domain.port.SessionRepository;
import io.latchkey.domain.port.TransactionRunner;
import io.latchkey.domain.port.UserAuthCache;
import io.latchkey.domain.port.UserRepository;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Every revocation goes the same way: commit it in PostgreSQL with its {@code session.revoked} outbox row,
 * then remember the ended sessions on this instance and purge its near cache and Redis at once, so it never waits
 * for Kafka (other instances' near caches are purged, and the sessions remembered, by the event). If PostgreSQL fails
 * nothing happened (503); if only the purge fails, the revocation stands, the event's consumers purge later, and
 * until then the remembered sessions keep a Redis that missed the purge from admitting them.
 */
public final class SessionRevoker {

    private static final Logger log = LoggerFactory.getLogger(SessionRevoker.class);

    private final SessionRepository sessions;
    private final UserRepository users;
    private final NearAuthCache near;
    private final UserAuthCache cache;
    private final AuthEventPublisher events;
    private final TransactionRunner transactions;
    private final IdGenerator ids;
    private final TokenPolicy policy;
    private final InstantSource clock;

    public SessionRevoker(SessionRepository sessions, UserRepository users, NearAuthCache near, UserAuthCache cache,
            AuthEventPublisher events, TransactionRunner transactions, IdGenerator ids, TokenPolicy policy,
            InstantSource clock) {
        this.sessions = sessions;
        this.users = users;
        this.near = near;
        this.cache = cache;
        this.events = events;
        this.transactions = transactions;
        this.ids = ids;
        this.policy = policy;
        this.clock = clock;
    }

    /** Revokes one session; a session that already ended is left as it is. */
    Mono<Void> revokeOne(UserId userId, SessionId sessionId, RevocationReason reason) {
        return Mono.defer(() -> {
            Instant now = clock.instant();
            return transactions.inTransaction(sessions.revoke(sessionId, reason, now)
                            .flatMap(revoked -> revoked
                                    ? events.publish(revokedEvent(userId, List.of(sessionId), reason, now)).thenReturn(true)
                                    : Mono.just(false)))
                    .then(Mono.fromRunnable(() -> remember(List.of(sessionId), now)))
                    .then(Mono.defer(() -> near.evictSession(userId, sessionId)))
                    .then(Mono.defer(() -> purge(cache.evictSession(userId, sessionId), userId)));
        });
    }

    /** Revokes every session of the account and raises its epoch, so no earlier access token survives. */
    Mono<Void> revokeAll(UserId userId, RevocationReason reason) {
        return Mono.defer(() -> {
            Instant now = clock.instant();
            return transactions.inTransaction(revokeAllListed(userId, reason, now))
                    .doOnNext(revoked -> remember(revoked, now));
        }).then(purgeUser(userId));
    }

    /**
     * {@link #revokeAll}'s write, inside the caller's transaction. Yields the revoked sessions, which the caller hands
     * to {@link #afterCommit} once the transaction committed (the other instances remember them from the event).
     */
    Mono<Revocation> revokeAllWithin(UserId userId, RevocationReason reason, Instant now) {
        return revokeAllListed(userId, reason, now).map(revoked -> new Revocation(userId, revoked, now));
    }

    private Mono<List<SessionId>> revokeAllListed(UserId userId, RevocationReason reason, Instant now) {
        return sessions.revokeAll(userId, reason, now)
                .flatMap(revoked -> users.raiseAuthEpoch(userId)
                        .map(java.util.Optional::of)
                        .defaultIfEmpty(java.util.Optional.empty())
                        // The new epoch lets subscribers deny every earlier token without comparing iat with a clock.
                        .flatMap(epoch -> events.publish(new SessionRevoked(ids.newId(), userId, now, revoked, reason,
                                now.plus(policy.accessTokenTtl()), epoch.orElse(null))))
                        .thenReturn(revoked));
    }

    /**
     * Revokes every session but {@code keep}, inside the caller's transaction. The epoch stays, so the caller's
     * own access token keeps working; the others fail their session check.
     */
    Mono<Revocation> revokeOthersWithin(UserId userId, SessionId keep, RevocationReason reason, Instant now) {
        return sessions.revokeAllExcept(userId, keep, reason, now)
                .flatMap(revoked -> (revoked.isEmpty() ? Mono.<Void>empty()
                        : events.publish(revokedEvent(userId, revoked, reason, now)))
                        .thenReturn(new Revocation(userId, revoked, now)));
    }

    /**
     * After the commit of a transaction that ran {@link #revokeAllWithin} or {@link #revokeOthersWithin}: remembers
     * the sessions they revoked on this instance, then purges the user's cached state.
     */
    Mono<Void> afterCommit(Revocation revocation) {
        return Mono.fromRunnable(() -> remember(revocation.sessionIds(), revocation.at()))
                .then(purgeUser(revocation.userId()));
    }

    /** Sessions a caller's transaction revoked at {@code at}; remembered by {@link #afterCommit}. */
    record Revocation(UserId userId, List<SessionId> sessionIds, Instant at) {

        Revocation {
            sessionIds = List.copyOf(sessionIds);
        }

        static Revocation none(UserId userId, Instant at) {
            return new Revocation(userId, List.of(), at);
        }
    }

    /** Drops everything this instance and Redis cache about the user; a failed purge is left to the event consumers. */
    Mono<Void> purgeUser(UserId userId) {
        // Deferred: callers assemble it before their transaction runs, and an eager eviction would let a request in
        // between refill the near cache with the state about to change.
        return Mono.defer(() -> near.evictUser(userId).then(purge(cache.evictUser(userId), userId)));
    }

    /**
     * After the commit only: a session remembered for a revocation that rolled back would be refused for nothing. The
     * window runs from the commit, not from {@code now} read before the transaction: until the commit a concurrent
     * refresh could still issue the session an access token.
     */
    private void remember(List<SessionId> revoked, Instant now) {
        Instant committed = clock.instant();
        Instant from = committed.isAfter(now) ? committed : now;
        near.rememberRevoked(revoked, from.plus(policy.accessTokenTtl()));
    }

    private SessionRevoked revokedEvent(UserId userId, List<SessionId> revoked, RevocationReason reason, Instant now) {
        return new SessionRevoked(ids.newId(), userId, now, revoked, reason, now.plus(policy.accessTokenTtl()));
    }

    private static Mono<Void> purge(Mono<Void> eviction, UserId userId) {
        return eviction.onErrorResume(e -> RequestLogging.warn(log,
                "revocation committed but the cache purge for user {} failed; event consumers will purge: {}",
                userId, e.toString()));
    }
}
