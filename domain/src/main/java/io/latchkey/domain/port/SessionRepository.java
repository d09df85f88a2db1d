package io.latchkey.domain.port;

import io.latchkey.domain.event.TokenRotated;
import io.latchkey.domain.model.auth.AuthSnapshot;
import io.latchkey.domain.model.session.PresentedRefreshToken;
import io.latchkey.domain.model.session.RecentRevocation;
import io.latchkey.domain.model.session.RevocationReason;
import io.latchkey.domain.model.session.Session;
import io.latchkey.domain.model.session.SessionAuthentication;
import io.latchkey.domain.model.session.SessionId;
import io.latchkey.domain.model.token.RefreshTokenHash;
import io.latchkey.domain.model.user.UserId;
import java.time.Instant;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The durable record of sessions and of every refresh token each one issued (as hashes). */
public interface SessionRepository {

    /** Stores a new session and its generation-0 refresh token. */
    Mono<Session> insert(Session session, RefreshTokenHash firstToken);

    /** Finds the session a refresh token belongs to and the generation it was issued for. */
    Mono<PresentedRefreshToken> findByRefreshToken(RefreshTokenHash hash);

    Mono<Session> findById(SessionId id);

    /**
     * Compare-and-set rotation: moves the session to {@code next} (generation {@code expectedGeneration + 1}),
     * records {@code newToken} and writes {@code rotation} to the outbox (with its audit entry), all only if the
     * session is still active at {@code expectedGeneration}, in one statement: all of it or none. False when another
     * request rotated it first.
     */
    Mono<Boolean> rotate(Session next, long expectedGeneration, RefreshTokenHash newToken, TokenRotated rotation);

    /** Records a step-up: the active session's authentication becomes {@code authentication}; false when not active. */
    Mono<Boolean> reauthenticate(SessionId id, SessionAuthentication authentication);

    /** Revokes one session if it is active; true when this call revoked it. */
    Mono<Boolean> revoke(SessionId id, RevocationReason reason, Instant now);

    /** Revokes every active session of the user; the ids it revoked. */
    Mono<List<SessionId>> revokeAll(UserId userId, RevocationReason reason, Instant now);

    /** Revokes every active session of the user except {@code keep}; the ids it revoked. */
    Mono<List<SessionId>> revokeAllExcept(UserId userId, SessionId keep, RevocationReason reason, Instant now);

    /** The user's active, unexpired sessions, newest first. */
    Flux<Session> findActive(UserId userId, Instant now);

    /**
     * The auth snapshot of an active, unexpired session of an active account, straight from the record;
     * empty when there is none.
     */
    Mono<AuthSnapshot> findActiveSnapshot(SessionId sessionId);

    /** Sessions revoked after {@code since}, whatever revoked them (an indexed read, cheap to repeat). */
    Flux<RecentRevocation> revokedSince(Instant since);

    /** Deletes up to {@code limit} sessions that ended before {@code cutoff}; how many it deleted. */
    Mono<Long> deleteEnded(Instant cutoff, int limit);
}
