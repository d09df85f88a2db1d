package io.latchkey.application.service;

import io.latchkey.domain.event.SessionRevoked;
import io.latchkey.domain.model.session.RevocationReason;
import io.latchkey.domain.model.session.SessionId;
import io.latchkey.domain.model.session.TokenPolicy;
import io.latchkey.domain.model.user.UserId;
import io.latchkey.domain.port.AuthCache;
import io.latchkey.domain.port.OutboxWriter;
import io.latchkey.domain.port.EventLedger;
import io.latchkey.domain.port.IdGenerator;
import io.latchkey.domain.port.SessionRepository;
import io.latchkey.domain.port.TransactionRunner;
import io.latchkey.domain.port.UserRepository;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Every revocation goes the same way: commit it in PostgreSQL with its {@code session.revoked} outbox row,
 * then remember the ended sessions on this instance and purge the auth cache at once (this instance, the shared tier,
 * and by its announcement the other instances), so it never waits for Kafka. The purge is recorded against the event
 * in both {@link PurgeLedgers}, so the event's consumers do not purge this instance again; the other instances
 * remember the sessions from the event. If PostgreSQL fails nothing happened (503); if only the shared purge fails,
 * the revocation stands, the event's consumers purge later, and until then the remembered sessions keep a shared
 * cache that missed the purge from admitting them.
 */
public final class SessionRevoker {

    private static final Logger log = LoggerFactory.getLogger(SessionRevoker.class);

    private final SessionRepository sessions;
    private final UserRepository users;
    private final AuthCache cache;
    private final PurgeLedgers ledgers;
    private final OutboxWriter events;
    private final TransactionRunner transactions;
    private final IdGenerator ids;
    private final TokenPolicy policy;
    private final InstantSource clock;

    public SessionRevoker(SessionRepository sessions, UserRepository users, AuthCache cache, PurgeLedgers ledgers,
            OutboxWriter events, TransactionRunner transactions, IdGenerator ids, TokenPolicy policy,
            InstantSource clock) {
        this.sessions = sessions;
        this.users = users;
        this.cache = cache;
        this.ledgers = ledgers;
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
                            .flatMap(revoked -> {
                                if (!revoked) {
                                    return Mono.just(Optional.<UUID>empty());
                                }
                                SessionRevoked event = revokedEvent(userId, List.of(sessionId), reason, now);
                                return events.write(event).thenReturn(Optional.of(event.eventId()));
                            }))
                    .flatMap(event -> Mono.fromRunnable(() -> remember(List.of(sessionId), now))
                            .then(purge(cache.evictSession(userId, sessionId), userId, event)));
        });
    }

    /** Revokes every session of the account and raises its epoch, so no earlier access token survives. */
    Mono<Void> revokeAll(UserId userId, RevocationReason reason) {
        return Mono.defer(() -> {
            Instant now = clock.instant();
            return transactions.inTransaction(revokeAllListed(userId, reason, now));
        }).flatMap(this::afterCommit);
    }

    /**
     * {@link #revokeAll}'s write, inside the caller's transaction. Yields the revoked sessions, which the caller hands
     * to {@link #afterCommit} once the transaction committed (the other instances remember them from the event).
     */
    Mono<Revocation> revokeAllWithin(UserId userId, RevocationReason reason, Instant now) {
        return revokeAllListed(userId, reason, now);
    }

    private Mono<Revocation> revokeAllListed(UserId userId, RevocationReason reason, Instant now) {
        return sessions.revokeAll(userId, reason, now)
                .flatMap(revoked -> users.raiseAuthEpoch(userId)
                        .map(Optional::of)
                        .defaultIfEmpty(Optional.empty())
                        // The new epoch lets subscribers deny every earlier token without comparing iat with a clock.
                        .flatMap(epoch -> {
                            SessionRevoked event = new SessionRevoked(ids.newId(), userId, now, revoked, reason,
                                    now.plus(policy.accessTokenTtl()), epoch.orElse(null));
                            return events.write(event).thenReturn(new Revocation(userId, revoked, now,
                                    Optional.of(event.eventId())));
                        }));
    }

    /**
     * Revokes every session but {@code keep}, inside the caller's transaction. The epoch stays, so the caller's
     * own access token keeps working; the others fail their session check.
     */
    Mono<Revocation> revokeOthersWithin(UserId userId, SessionId keep, RevocationReason reason, Instant now) {
        return sessions.revokeAllExcept(userId, keep, reason, now)
                .flatMap(revoked -> {
                    if (revoked.isEmpty()) {
                        return Mono.just(new Revocation(userId, revoked, now, Optional.empty()));
                    }
                    SessionRevoked event = revokedEvent(userId, revoked, reason, now);
                    return events.write(event)
                            .thenReturn(new Revocation(userId, revoked, now, Optional.of(event.eventId())));
                });
    }

    /**
     * After the commit of a transaction that ran {@link #revokeAllWithin} or {@link #revokeOthersWithin}: remembers
     * the sessions they revoked on this instance, then purges the user's cached state.
     */
    Mono<Void> afterCommit(Revocation revocation) {
        return Mono.fromRunnable(() -> remember(revocation.sessionIds(), revocation.at()))
                .then(Mono.defer(() -> purge(cache.evictUser(revocation.userId()), revocation.userId(),
                        revocation.eventId())));
    }

    /**
     * Sessions a caller's transaction revoked at {@code at}, with the event that announced it (none when nothing was
     * revoked); remembered and purged by {@link #afterCommit}.
     */
    record Revocation(UserId userId, List<SessionId> sessionIds, Instant at, Optional<UUID> eventId) {

        Revocation {
            sessionIds = List.copyOf(sessionIds);
        }

        static Revocation none(UserId userId, Instant at) {
            return new Revocation(userId, List.of(), at, Optional.empty());
        }
    }

    /** Drops everything the auth cache holds about the user; a failed purge is left to the event consumers. */
    Mono<Void> purgeUser(UserId userId) {
        // Deferred: callers assemble it before their transaction runs, and an eager eviction would let a request in
        // between refill the cache with the state about to change.
        return Mono.defer(() -> purge(cache.evictUser(userId), userId, Optional.empty()));
    }

    /**
     * After the commit only: a session remembered for a revocation that rolled back would be refused for nothing. The
     * window runs from the commit, not from {@code now} read before the transaction: until the commit a concurrent
     * refresh could still issue the session an access token.
     */
    private void remember(List<SessionId> revoked, Instant now) {
        Instant committed = clock.instant();
        Instant from = committed.isAfter(now) ? committed : now;
        cache.rememberRevoked(revoked, from.plus(policy.accessTokenTtl()));
    }

    private SessionRevoked revokedEvent(UserId userId, List<SessionId> revoked, RevocationReason reason, Instant now) {
        return new SessionRevoked(ids.newId(), userId, now, revoked, reason, now.plus(policy.accessTokenTtl()));
    }

    /**
     * Runs the purge and records it against the event that caused it: in the local ledger always (this instance's copy
     * is dropped before the shared tier is asked), in the shared ledger only when the shared tier was purged. Failing
     * to record only means a consumer purges once more.
     */
    private Mono<Void> purge(Mono<Void> eviction, UserId userId, Optional<UUID> event) {
        return Mono.defer(() -> eviction
                .then(Mono.defer(() -> event.map(id -> recorded(ledgers.shared(), id).then(recorded(ledgers.local(), id)))
                        .orElse(Mono.empty())))
                .onErrorResume(e -> event.map(id -> recorded(ledgers.local(), id)).orElse(Mono.empty())
                        .then(RequestLogging.warn(log,
                                "revocation committed but the cache purge for user {} failed; event consumers will purge: {}",
                                userId, e.toString()))));
    }

    private static Mono<Void> recorded(EventLedger ledger, UUID eventId) {
        return ledger.record(eventId).then().onErrorResume(e -> Mono.empty());
    }
}
