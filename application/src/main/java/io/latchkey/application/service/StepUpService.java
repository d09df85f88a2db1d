package io.latchkey.application.service;

import io.latchkey.application.usecase.StepUpCommand;
import io.latchkey.application.usecase.StepUpUseCase;
import io.latchkey.domain.error.SessionRevokedException;
import io.latchkey.domain.model.mfa.MfaPolicy;
import io.latchkey.domain.model.passkey.PasskeyPurpose;
import io.latchkey.domain.model.session.AuthMethod;
import io.latchkey.domain.model.session.Session;
import io.latchkey.domain.model.session.SessionStatus;
import io.latchkey.domain.model.session.TokenPolicy;
import io.latchkey.domain.model.token.AccessToken;
import io.latchkey.domain.model.user.RawPassword;
import io.latchkey.domain.model.user.User;
import io.latchkey.domain.port.AccessTokenIssuer;
import io.latchkey.domain.port.IdGenerator;
import io.latchkey.domain.port.SessionRepository;
import io.latchkey.domain.port.UserRepository;
import java.time.InstantSource;
import java.util.EnumSet;
import java.util.Set;
import reactor.core.publisher.Mono;

/**
 * Re-authentication within the current session. An account with a second factor must present it (a TOTP or
 * recovery code, or a passkey assertion answering step-up options; a password alongside is checked too); one without presents its password. Wrong answers count
 * towards the same lockouts as at sign-in. The session's record gets the new authentication time and methods, and
 * the caller a new access token saying so; the session's refresh token is unchanged and its next access tokens keep
 * the new claims.
 */
public final class StepUpService implements StepUpUseCase {

    private final UserRepository users;
    private final SessionRepository sessions;
    private final LoginGuard guard;
    private final SecondFactorVerifier factors;
    private final PasskeyAssertions passkeys;
    private final AccessTokenFactory accessTokens;
    private final InstantSource clock;

    public StepUpService(UserRepository users, SessionRepository sessions, LoginGuard guard, SecondFactorVerifier factors,
            PasskeyAssertions passkeys, AccessTokenIssuer issuer, IdGenerator ids, TokenPolicy policy, MfaPolicy mfa, InstantSource clock) {
        this.users = users;
        this.sessions = sessions;
        this.guard = guard;
        this.factors = factors;
        this.passkeys = passkeys;
        this.accessTokens = new AccessTokenFactory(issuer, ids, policy, mfa);
        this.clock = clock;
    }

    @Override
    public Mono<AccessToken> stepUp(StepUpCommand command) {
        return users.findById(command.userId())
                .filter(User::canAuthenticate)
                .switchIfEmpty(Mono.error(SessionRevokedException::new))
                .flatMap(user -> factors.hasSecondFactor(user.id())
                        .flatMap(hasFactor -> presented(user, hasFactor, command))
                        .flatMap(methods -> reauthenticate(user, command, methods)));
    }

    private Mono<Set<AuthMethod>> presented(User user, boolean hasFactor, StepUpCommand command) {
        return Mono.defer(() -> {
            InputViolations input = new InputViolations();
            boolean hasCode = command.code() != null && !command.code().isBlank();
            boolean hasRecovery = command.recoveryCode() != null && !command.recoveryCode().isBlank();
            RawPassword password = command.password() == null || command.password().isEmpty() ? null
                    : input.optional(command.password(), RawPassword::new);
            boolean hasPasskey = command.passkey() != null;
            if (hasFactor && (hasCode ? 1 : 0) + (hasRecovery ? 1 : 0) + (hasPasskey ? 1 : 0) != 1) {
                input.add("code", "this account has a second factor: give exactly one of code, recovery_code and passkey");
            }
            if (!hasFactor && password == null) {
                input.add("password", "is required");
            }
            if (!hasFactor && (hasCode || hasRecovery || hasPasskey)) {
                input.add("code", "this account has no second factor");
            }
            input.throwIfAny();
            Mono<Set<AuthMethod>> byPassword = password == null ? Mono.just(Set.of())
                    : guard.confirmPassword(user, password).thenReturn(Set.of(AuthMethod.PWD));
            Mono<AuthMethod> secondFactor = hasPasskey
                    ? passkeys.verify(command.passkey(), PasskeyPurpose.STEP_UP, user.id(), ceremony -> true)
                            .map(passkey -> passkey.method())
                    : Mono.defer(() -> factors.verify(user, hasCode ? command.code().strip() : null,
                            hasRecovery ? command.recoveryCode() : null));
            return byPassword.flatMap(first -> !hasFactor ? Mono.just(first)
                    : secondFactor
                            .map(second -> {
                                EnumSet<AuthMethod> all = EnumSet.of(second);
                                all.addAll(first);
                                return all;
                            }));
        });
    }

    private Mono<AccessToken> reauthenticate(User user, StepUpCommand command, Set<AuthMethod> methods) {
        var now = clock.instant();
        return sessions.findById(command.sessionId())
                .filter(session -> session.userId().equals(user.id()) && session.status() == SessionStatus.ACTIVE)
                .switchIfEmpty(Mono.error(SessionRevokedException::new))
                .map(session -> session.reauthenticated(methods, now))
                .flatMap((Session stepped) -> sessions.reauthenticate(stepped.id(), stepped.authentication())
                        .flatMap(updated -> updated ? Mono.just(accessTokens.issue(user, stepped, now))
                                : Mono.error(new SessionRevokedException())));
    }
}
