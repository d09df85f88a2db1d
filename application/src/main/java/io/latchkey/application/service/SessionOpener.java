package io.latchkey.application.service;

import io.latchkey.domain.error.EmailNotVerifiedException;
import io.latchkey.domain.error.InvalidCredentialsException;
import io.latchkey.domain.error.UserDisabledException;
import io.latchkey.domain.event.SessionStarted;
import io.latchkey.domain.model.mfa.MfaPolicy;
import io.latchkey.domain.model.session.AuthMethod;
import io.latchkey.domain.model.session.ClientInfo;
import io.latchkey.domain.model.session.Session;
import io.latchkey.domain.model.session.SessionAuthentication;
import io.latchkey.domain.model.session.SessionId;
import io.latchkey.domain.model.session.TokenPolicy;
import io.latchkey.domain.model.token.RefreshToken;
import io.latchkey.domain.model.token.TokenPair;
import io.latchkey.domain.model.user.AccountPolicy;
import io.latchkey.domain.model.user.User;
import io.latchkey.domain.port.AccessTokenIssuer;
import io.latchkey.domain.port.AuthCache;
import io.latchkey.domain.port.OutboxWriter;
import io.latchkey.domain.port.IdGenerator;
import io.latchkey.domain.port.RefreshTokenGenerator;
import io.latchkey.domain.port.SessionRepository;
import io.latchkey.domain.port.TransactionRunner;
import io.latchkey.domain.port.UserRepository;
import java.time.InstantSource;
import reactor.core.publisher.Mono;

/**
 * Opens a session for a user who has just proved who they are, whatever the sign-in path (password, second factor,
 * passkey, external identity provider): one transaction inserts the session with its {@code session.started} event
 * after re-checking the account, then the session is written through to the cache and the token pair issued.
 */
public final class SessionOpener {

    private final UserRepository users;
    private final SessionRepository sessions;
    private final RefreshTokenGenerator refreshTokens;
    private final AccessTokenFactory accessTokens;
    private final IdGenerator ids;
    private final OutboxWriter events;
    private final TransactionRunner transactions;
    private final SessionCacheWriter cacheWriter;
    private final TokenPolicy policy;
    private final AccountPolicy accounts;
    private final InstantSource clock;

    public SessionOpener(UserRepository users, SessionRepository sessions, RefreshTokenGenerator refreshTokens,
            AccessTokenIssuer issuer, IdGenerator ids, OutboxWriter events, TransactionRunner transactions,
            AuthCache cache, TokenPolicy policy, MfaPolicy mfa, AccountPolicy accounts, InstantSource clock) {
        this.users = users;
        this.sessions = sessions;
        this.refreshTokens = refreshTokens;
        this.accessTokens = new AccessTokenFactory(issuer, ids, policy, mfa);
        this.ids = ids;
        this.events = events;
        this.transactions = transactions;
        this.cacheWriter = new SessionCacheWriter(cache);
        this.policy = policy;
        this.accounts = accounts;
        this.clock = clock;
    }

    /**
     * Opens a session for {@code user} as read when the sign-in checked its credentials, authenticated as
     * {@code authentication} says, and issues its token pair. Refuses a disabled account, an unverified one when the
     * policy demands verification, and an account that changed since it was read (see {@link #unchangedSince}).
     */
    public Mono<TokenPair> open(User user, SessionAuthentication authentication, ClientInfo client) {
        return admissible(user).then(Mono.defer(() -> cacheWriter.purgeCountBeforeWrite(user).flatMap(readBefore -> {
                var now = clock.instant();
                Session session = Session.start(new SessionId(ids.newId()), user.id(), client, authentication, policy, now);
                RefreshToken refresh = refreshTokens.newToken();
                return transactions.inTransaction(unchangedSince(user, authentication)
                                .then(sessions.insert(session, refresh.hash()))
                                .flatMap(saved -> events.write(SessionStarted.of(ids.newId(), user.id(), now, saved.id(),
                                        authentication)).thenReturn(saved)))
                        .flatMap(saved -> cacheWriter.write(user, saved, readBefore)
                                .thenReturn(new TokenPair(accessTokens.issue(user, saved, now), refresh)));
        })));
    }

    /** Refuses a disabled account, and an unverified one when the policy demands verification. */
    public Mono<Void> admissible(User user) {
        return Mono.defer(() -> {
            if (!user.canAuthenticate()) {
                return Mono.error(new UserDisabledException());
            }
            if (accounts.loginRequiresVerifiedEmail() && !user.emailVerified()) {
                return Mono.error(new EmailNotVerifiedException());
            }
            return Mono.empty();
        });
    }

    /**
     * Re-reads the account under a share lock inside the session's transaction: a password reset, disable or
     * logout-all that committed while the credentials were checked is seen (and refused), and one still running waits
     * for this sign-in to commit and then revokes its session too. Either way no session outlives the change. The
     * auth epoch and status cover every sign-in; the password hash is compared only when a password was checked.
     */
    private Mono<Void> unchangedSince(User checked, SessionAuthentication authentication) {
        boolean passwordChecked = authentication.methods().contains(AuthMethod.PWD);
        return users.findByIdForShare(checked.id())
                .filter(current -> current.canAuthenticate() && current.authEpoch() == checked.authEpoch()
                        && (!passwordChecked || current.passwordHash().equals(checked.passwordHash())))
                .switchIfEmpty(Mono.error(InvalidCredentialsException::new))
                .then();
    }
}
