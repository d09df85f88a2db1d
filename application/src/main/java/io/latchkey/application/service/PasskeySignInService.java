package io.latchkey.application.service;

import io.latchkey.application.usecase.LoginResult;
import io.latchkey.application.usecase.SignInWithPasskeyCommand;
import io.latchkey.application.usecase.SignInWithPasskeyUseCase;
import io.latchkey.application.usecase.StartPasskeyAssertionCommand;
import io.latchkey.application.usecase.StartPasskeyAssertionUseCase;
import io.latchkey.domain.error.InvalidInputException;
import io.latchkey.domain.error.FieldViolation;
import io.latchkey.domain.error.InvalidMfaTokenException;
import io.latchkey.domain.error.InvalidPasskeyException;
import io.latchkey.domain.model.abuse.AbuseLimits;
import io.latchkey.domain.model.abuse.KnownDevice;
import io.latchkey.domain.model.mfa.MfaPolicy;
import io.latchkey.domain.model.mfa.MfaToken;
import io.latchkey.domain.model.passkey.PasskeyCeremony;
import io.latchkey.domain.model.passkey.PasskeyOptions;
import io.latchkey.domain.model.passkey.PasskeyPolicy;
import io.latchkey.domain.model.passkey.PasskeyPurpose;
import io.latchkey.domain.model.session.SessionAuthentication;
import io.latchkey.domain.model.token.Sha256;
import io.latchkey.domain.model.user.UserId;
import io.latchkey.domain.port.FactorSecretGenerator;
import io.latchkey.domain.port.IdGenerator;
import io.latchkey.domain.port.KnownDevices;
import io.latchkey.domain.port.MfaChallengeStore;
import io.latchkey.domain.port.PasskeyCeremonyStore;
import io.latchkey.domain.port.PasskeyRepository;
import io.latchkey.domain.port.UserRepository;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import reactor.core.publisher.Mono;

/**
 * Passkey assertions: issuing their options (a passwordless sign-in knows no account and allows any discoverable
 * credential; a second factor is bound to its MFA token, counting one attempt at it; a step-up to the caller) and the
 * passwordless sign-in itself, which demands user verification and signs in through {@link MfaRequirement}: the
 * passkey is already a proof of possession, so no further factor is asked. Both count towards the per-IP login limit.
 */
public final class PasskeySignInService implements StartPasskeyAssertionUseCase, SignInWithPasskeyUseCase {

    private final PasskeyOptionsFactory options;
    private final PasskeyRepository passkeys;
    private final PasskeyAssertions assertions;
    private final MfaChallengeStore challenges;
    private final UserRepository users;
    private final MfaRequirement mfa;
    private final KnownDevices devices;
    private final IdGenerator ids;
    private final MfaPolicy mfaPolicy;
    private final AttemptGate gate;
    private final AbuseLimits limits;
    private final InstantSource clock;

    public PasskeySignInService(PasskeyCeremonyStore ceremonies, FactorSecretGenerator secrets, PasskeyPolicy policy,
            PasskeyRepository passkeys, PasskeyAssertions assertions, MfaChallengeStore challenges,
            UserRepository users, MfaRequirement mfa, KnownDevices devices, IdGenerator ids, MfaPolicy mfaPolicy,
            AttemptGate gate, AbuseLimits limits, InstantSource clock) {
        this.options = new PasskeyOptionsFactory(ceremonies, secrets, policy);
        this.passkeys = passkeys;
        this.assertions = assertions;
        this.challenges = challenges;
        this.users = users;
        this.mfa = mfa;
        this.devices = devices;
        this.ids = ids;
        this.mfaPolicy = mfaPolicy;
        this.gate = gate;
        this.limits = limits;
        this.clock = clock;
    }

    @Override
    public Mono<PasskeyOptions> start(StartPasskeyAssertionCommand command) {
        return switch (command.purpose()) {
            case PASSWORDLESS -> admitted(command).then(options.issue(
                    new PasskeyCeremony(PasskeyPurpose.PASSWORDLESS, null, null), List.of(), true, null));
            case SECOND_FACTOR -> admitted(command).then(Mono.defer(() -> secondFactor(command)));
            case STEP_UP -> forUser(Objects.requireNonNull(command.userId()),
                    new PasskeyCeremony(PasskeyPurpose.STEP_UP, command.userId(), null));
            case REGISTRATION -> Mono.error(new IllegalArgumentException("not an assertion"));
        };
    }

    private Mono<PasskeyOptions> secondFactor(StartPasskeyAssertionCommand command) {
        if (command.mfaToken() == null || command.mfaToken().isBlank()) {
            return Mono.error(new InvalidInputException(new FieldViolation("mfa_token", "is required")));
        }
        MfaToken token = MfaToken.parse(command.mfaToken()).orElseThrow(InvalidMfaTokenException::new);
        return challenges.attempt(token, mfaPolicy.challengeAttempts())
                .switchIfEmpty(Mono.error(InvalidMfaTokenException::new))
                .flatMap(challenge -> forUser(challenge.userId(), new PasskeyCeremony(PasskeyPurpose.SECOND_FACTOR,
                        challenge.userId(), Sha256.hex(command.mfaToken()))));
    }

    private Mono<PasskeyOptions> forUser(UserId userId, PasskeyCeremony ceremony) {
        return passkeys.findByUser(userId).collectList()
                .flatMap(registered -> registered.isEmpty()
                        ? Mono.error(new InvalidPasskeyException("The account has no passkey."))
                        : options.issue(ceremony, registered, false, null));
    }

    @Override
    public Mono<LoginResult> signIn(SignInWithPasskeyCommand command) {
        return gate.admit(AttemptGate.check(limits.loginPerIp(), command.client().ipAddress()))
                .then(Mono.defer(() -> assertions.verify(command.assertion(), PasskeyPurpose.PASSWORDLESS, null,
                        ceremony -> true)))
                .flatMap(passkey -> users.findById(passkey.userId())
                        .switchIfEmpty(Mono.error(() -> new InvalidPasskeyException("This passkey's account no longer exists.")))
                        .flatMap(user -> mfa.signIn(user, SessionAuthentication.of(Set.of(passkey.method()),
                                        clock.instant()), command.client(), null)
                                .map(tokens -> new LoginResult(tokens, devices.issue(user.email(),
                                        new KnownDevice(ids.newId(), clock.instant(), user.authEpoch()))))));
    }

    private Mono<Void> admitted(StartPasskeyAssertionCommand command) {
        return gate.admit(AttemptGate.check(limits.loginPerIp(), command.client().ipAddress()));
    }
}
