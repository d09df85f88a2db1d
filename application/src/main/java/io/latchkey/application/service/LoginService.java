package io.latchkey.application.service;

import io.latchkey.application.usecase.LoginCommand;
import io.latchkey.application.usecase.LoginResult;
import io.latchkey.application.usecase.LoginUseCase;
import io.latchkey.domain.error.EmailNotVerifiedException;
import io.latchkey.domain.error.InvalidCredentialsException;
import io.latchkey.domain.error.UserDisabledException;
import io.latchkey.domain.event.SessionStarted;
import io.latchkey.domain.model.abuse.KnownDevice;
import io.latchkey.domain.model.session.ClientInfo;
import io.latchkey.domain.model.session.Session;
import io.latchkey.domain.model.session.SessionId;
import io.latchkey.domain.model.token.RefreshToken;
import io.latchkey.domain.model.token.TokenPair;
import io.latchkey.domain.model.session.TokenPolicy;
import io.latchkey.domain.model.user.Email;
import io.latchkey.domain.model.user.RawPassword;
import io.latchkey.domain.model.user.User;
import io.latchkey.domain.port.AccessTokenIssuer;
import io.latchkey.domain.port.AuthEventPublisher;
import io.latchkey.domain.port.IdGenerator;
import io.latchkey.domain.port.KnownDevices;
import io.latchkey.domain.port.RefreshTokenGenerator;
import io.latchkey.domain.port.SessionRepository;
import io.latchkey.domain.port.TransactionRunner;
import io.latchkey.domain.port.UserAuthCache;
import io.latchkey.domain.port.UserRepository;
import java.time.InstantSource;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * Rate limits, then the password (doing the same Argon2 work for unknown emails, so timing reveals nothing;
 * locked accounts and wrong passwords are counted by {@link LoginGuard}), then opens
 * a session with its {@code session.started} event in one transaction, then writes it through to the cache. A
 * client showing a genuine, unexpired device token for the address, issued since the account's last password reset
 * or logout of every session, is checked and locked as that device; any other client as the address. Every
 * successful login hands the client a device token (the same device's, renewed, if it had a valid one).
 */
public final class LoginService implements LoginUseCase {

    private final UserRepository users;
    private final SessionRepository sessions;
    private final RefreshTokenGenerator refreshTokens;
    private final AccessTokenFactory accessTokens;
    private final IdGenerator ids;
    private final AuthEventPublisher events;
    private final TransactionRunner transactions;
    private final SessionCacheWriter cacheWriter;
    private final TokenPolicy policy;
    private final LoginGuard guard;
    private final KnownDevices devices;
    private final InstantSource clock;

    public LoginService(UserRepository users, SessionRepository sessions, RefreshTokenGenerator refreshTokens, AccessTokenIssuer issuer, IdGenerator ids,
            AuthEventPublisher events, TransactionRunner transactions, UserAuthCache cache, TokenPolicy policy,
            LoginGuard guard, KnownDevices devices, InstantSource clock) {
        this.users = users;
        this.sessions = sessions;
        this.refreshTokens = refreshTokens;
        this.accessTokens = new AccessTokenFactory(issuer, ids, policy);
        this.ids = ids;
        this.events = events;
        this.transactions = transactions;
        this.cacheWriter = new SessionCacheWriter(cache);
        this.policy = policy;
        this.guard = guard;
        this.devices = devices;
        this.clock = clock;
    }

    @Override
    public Mono<LoginResult> login(LoginCommand command) {
        return Mono.defer(() -> {
            InputViolations input = new InputViolations();
            Email email = input.required(command.email(), "email", raw -> Email.parse(raw, "email"));
            RawPassword password = input.required(command.password(), "password", RawPassword::new);
            input.throwIfAny();
            Optional<KnownDevice> presented = devices.verify(command.deviceToken(), email);
            return guard.subjectFor(email, presented).flatMap(subject -> guard.admit(subject, command.client().ipAddress())
                    .then(guard.authenticate(subject, password))
                    .flatMap(user -> openSession(user, command.client())
                            .map(tokens -> new LoginResult(tokens, devices.issue(email, new KnownDevice(
                                    subject.knownDevice().orElseGet(ids::newId), clock.instant(),
                                    user.authEpoch()))))));
        });
    }

    /**
     * Re-reads the account under a share lock inside the session's transaction: a password reset, disable or
     * logout-all that committed during the Argon2 check is seen (and refused), and one still running waits for this
     * login to commit and then revokes its session too. Either way no session outlives the change.
     */
    private Mono<Void> unchangedSince(User checked) {
        return users.findByIdForShare(checked.id())
                .filter(current -> current.canAuthenticate() && current.authEpoch() == checked.authEpoch()
                        && current.passwordHash().equals(checked.passwordHash()))
                .switchIfEmpty(Mono.error(InvalidCredentialsException::new))
                .then();
    }

    private Mono<TokenPair> openSession(User user, ClientInfo client) {
        if (!user.canAuthenticate()) {
            return Mono.error(new UserDisabledException());
        }
        if (guard.refusesUnverified(user)) {
            return Mono.error(new EmailNotVerifiedException());
        }
        return cacheWriter.generationBeforeWrite(user).flatMap(generation -> {
            var now = clock.instant();
            Session session = Session.start(new SessionId(ids.newId()), user.id(), client, policy, now);
            RefreshToken refresh = refreshTokens.newToken();
            return transactions.inTransaction(unchangedSince(user)
                            .then(sessions.insert(session, refresh.hash()))
                            .flatMap(saved -> events.publish(new SessionStarted(ids.newId(), user.id(), now, saved.id()))
                                    .thenReturn(saved)))
                    .flatMap(saved -> cacheWriter.write(user, saved, generation)
                            .thenReturn(new TokenPair(accessTokens.issue(user, saved.id(), now), refresh)));
        });
    }
}
