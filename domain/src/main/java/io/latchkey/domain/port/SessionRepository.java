package io.latchkey.domain.port;

import io.latchkey.domain.model.auth.AuthSnapshot;
import io.latchkey.domain.model.session.PresentedRefreshToken;
import io.latchkey.domain.model.session.Session;
import io.latchkey.domain.model.session.SessionId;
import io.latchkey.domain.model.token.RefreshTokenHash;
import reactor.core.publisher.Mono;

/** The durable record of sessions and of every refresh token each one issued (as hashes). */
public interface SessionRepository {

    /** Stores a new session and its generation-0 refresh token. */
    Mono<Session> insert(Session session, RefreshTokenHash firstToken);

    /** Finds the session a refresh token belongs to and the generation it was issued for. */
    Mono<PresentedRefreshToken> findByRefreshToken(RefreshTokenHash hash);

    /**
     * The auth snapshot of an active, unexpired session of an active account, straight from the record;
     * empty when there is none.
     */
    Mono<AuthSnapshot> findActiveSnapshot(SessionId sessionId);
}
