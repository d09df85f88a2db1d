package io.latchkey.application.service;

import io.latchkey.application.usecase.RefreshTokensCommand;
import io.latchkey.application.usecase.RefreshTokensUseCase;
import io.latchkey.domain.error.RefreshTokenInvalidException;
import io.latchkey.domain.error.RefreshTokenReuseException;
import io.latchkey.domain.error.UserDisabledException;
import io.latchkey.domain.event.TokenRotated;
import io.latchkey.domain.model.abuse.AbuseLimits;
import io.latchkey.domain.model.mfa.MfaPolicy;
import io.latchkey.domain.model.session.PresentedRefreshToken;
import io.latchkey.domain.model.session.RevocationReason;
import io.latchkey.domain.model.session.Session;
import io.latchkey.domain.model.session.TokenPolicy;
import io.latchkey.domain.model.token.RefreshToken;
import io.latchkey.domain.model.token.TokenPair;
import io.latchkey.domain.model.user.User;
import io.latchkey.domain.port.AccessTokenIssuer;
import io.latchkey.domain.port.IdGenerator;
import io.latchkey.domain.port.RefreshTokenGenerator;
import io.latchkey.domain.port.SessionRepository;
import io.latchkey.domain.port.TransactionRunner;
import java.time.Instant;
import java.time.InstantSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Rotation with reuse detection. The current token rotates by one compare-and-set statement (which also writes its
 * {@code token.rotated} event) in a transaction, so of any number of concurrent refreshes exactly one
 * rotates; the others find their token one generation old and inside the grace window, and get the same
 * successor (derived, never stored). Any other old token revokes the whole session. Tokens that match no session
 * are counted per client address, and once an address's count fills the window its unknown tokens get 429; a token
 * that is found (current, grace retry or reused) is never counted nor refused for it. Every token is still looked up
 * (one hash-index read), so the limit does not stop a lucky guess: what keeps refresh tokens unguessable is their
 * 256 random bits, and the limit only makes a scanner's answers 429 and visible.
 */
public final class RefreshTokensService implements RefreshTokensUseCase {

    private static final Logger log = LoggerFactory.getLogger(RefreshTokensService.class);

    private final SessionRepository sessions;
    private final RefreshTokenGenerator refreshTokens;
    private final AccessTokenFactory accessTokens;
    private final SessionRevoker revoker;
    private final TransactionRunner transactions;
    private final IdGenerator ids;
    private final TokenPolicy policy;
    private final AttemptGate gate;
    private final AbuseLimits limits;
    private final InstantSource clock;

    public RefreshTokensService(SessionRepository sessions, RefreshTokenGenerator refreshTokens,
            AccessTokenIssuer issuer, SessionRevoker revoker, TransactionRunner transactions, IdGenerator ids,
            TokenPolicy policy, MfaPolicy mfa, AttemptGate gate, AbuseLimits limits, InstantSource clock) {
        this.sessions = sessions;
        this.refreshTokens = refreshTokens;
        this.accessTokens = new AccessTokenFactory(issuer, ids, policy, mfa);
        this.revoker = revoker;
        this.transactions = transactions;
        this.ids = ids;
        this.policy = policy;
        this.gate = gate;
        this.limits = limits;
        this.clock = clock;
    }

    @Override
    public Mono<TokenPair> refresh(RefreshTokensCommand command) {
        AttemptGate.Check failures = AttemptGate.check(limits.refreshFailuresPerIp(), command.clientIp());
        return Mono.defer(() -> {
            RefreshToken presented = parse(command.refreshToken());
            if (presented == null) {
                return unknownToken(failures);
            }
            return sessions.findByRefreshToken(presented.hash())
                    .switchIfEmpty(Mono.defer(() -> unknownToken(failures)))
                    .flatMap(found -> exchange(presented, found, true));
        });
    }

    /**
     * A token that matches no session is the only kind counted against the client address: it reserves a place in
     * the address's budget of such failures (atomically, so parallel guesses never together pass it) and is then
     * refused with 401, or with 429 once the budget is spent. A token that is found is never refused for the
     * address's failures, so one client guessing cannot stop the others behind the same address from refreshing.
     */
    private <T> Mono<T> unknownToken(AttemptGate.Check failures) {
        return gate.reserve(failures).then(Mono.error(new RefreshTokenInvalidException()));
    }

    private Mono<TokenPair> exchange(RefreshToken presented, PresentedRefreshToken found, boolean mayRetry) {
        Session session = found.session();
        Instant now = clock.instant();
        if (!session.isUsableAt(now)) {
            return Mono.error(new RefreshTokenInvalidException());
        }
        if (found.isCurrent()) {
            if (!found.owner().canAuthenticate()) {
                return Mono.error(new UserDisabledException());
            }
            RefreshToken successor = refreshTokens.successorOf(presented);
            Session next = session.rotated(policy, now);
            TokenRotated rotation = new TokenRotated(ids.newId(), session.userId(), now, session.id(), next.generation());
            // One statement, still inside a transaction: its COMMIT is what tells that the rotation is durable.
            return transactions.inTransaction(sessions.rotate(next, found.generation(), successor.hash(), rotation))
                    .flatMap(rotated -> {
                        if (rotated) {
                            return pairFor(found.owner(), next, successor, now);
                        }
                        // Another request rotated first: re-read, and this token is now the grace-window case.
                        return mayRetry ? lookUp(presented).flatMap(again -> exchange(presented, again, false))
                                : Mono.error(new RefreshTokenInvalidException());
                    });
        }
        if (session.isGraceRetry(found.generation(), policy, now)) {
            RefreshToken successor = refreshTokens.successorOf(presented);
            return sessions.findByRefreshToken(successor.hash())
                    .filter(current -> current.isCurrent() && current.session().id().equals(session.id()))
                    // Only a changed server secret derives a different successor: refuse, but do not punish.
                    .switchIfEmpty(Mono.error(RefreshTokenInvalidException::new))
                    .flatMap(current -> pairFor(current.owner(), current.session(), successor, now));
        }
        return reuseDetected(session);
    }

    private <T> Mono<T> reuseDetected(Session session) {
        return RequestLogging.warn(log, "refresh token reuse detected: session {} of user {} revoked", session.id(),
                        session.userId())
                .then(revoker.revokeOne(session.userId(), session.id(), RevocationReason.REFRESH_REUSE))
                .then(Mono.error(new RefreshTokenReuseException()));
    }

    /**
     * The owner was read with the token, before the rotation: an account change that ends sessions (a disable, a
     * password change, a deletion) revokes this one too, so either it committed first and the compare-and-set failed,
     * or it commits after and refuses this pair's access token by its epoch, exactly as with a read after the rotation.
     */
    private Mono<TokenPair> pairFor(User owner, Session session, RefreshToken refreshToken, Instant now) {
        if (!owner.canAuthenticate()) {
            return Mono.error(new UserDisabledException());
        }
        return Mono.just(new TokenPair(accessTokens.issue(owner, session, now), refreshToken));
    }

    private Mono<PresentedRefreshToken> lookUp(RefreshToken presented) {
        return sessions.findByRefreshToken(presented.hash()).switchIfEmpty(Mono.error(RefreshTokenInvalidException::new));
    }

    private static @Nullable RefreshToken parse(@Nullable String raw) {
        if (raw == null || raw.isBlank() || raw.length() > RefreshToken.MAX_LENGTH) {
            return null;
        }
        return new RefreshToken(raw.strip());
    }
}
