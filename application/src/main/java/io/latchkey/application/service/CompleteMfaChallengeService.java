package io.latchkey.application.service;

import io.latchkey.application.usecase.CompleteMfaChallengeCommand;
import io.latchkey.application.usecase.CompleteMfaChallengeUseCase;
import io.latchkey.application.usecase.LoginResult;
import io.latchkey.domain.error.InvalidMfaTokenException;
import io.latchkey.domain.model.abuse.AbuseLimits;
import io.latchkey.domain.model.abuse.KnownDevice;
import io.latchkey.domain.model.mfa.MfaChallenge;
import io.latchkey.domain.model.mfa.MfaPolicy;
import io.latchkey.domain.model.mfa.MfaToken;
import io.latchkey.domain.model.passkey.PasskeyPurpose;
import io.latchkey.domain.model.session.AuthMethod;
import io.latchkey.domain.model.token.Sha256;
import io.latchkey.domain.model.user.User;
import io.latchkey.domain.port.IdGenerator;
import io.latchkey.domain.port.KnownDevices;
import io.latchkey.domain.port.MfaChallengeStore;
import io.latchkey.domain.port.UserRepository;
import java.time.InstantSource;
import reactor.core.publisher.Mono;

/**
 * Completes an MFA challenge: counts the attempt against the challenge (out of attempts, it is gone), checks the
 * account is unchanged since the first factor (same epoch, still active, same password), checks the second factor (a
 * TOTP code, a recovery code, or a passkey assertion answering options issued for this MFA token), then consumes the
 * challenge (one atomic delete: of concurrent completions only one gets past it) and opens the session. Each call
 * counts towards the per-IP login limit first, like a login: a completion costs Redis and PostgreSQL work.
 */
public final class CompleteMfaChallengeService implements CompleteMfaChallengeUseCase {

    private final MfaChallengeStore challenges;
    private final UserRepository users;
    private final SecondFactorVerifier factors;
    private final PasskeyAssertions passkeys;
    private final SessionOpener opener;
    private final KnownDevices devices;
    private final IdGenerator ids;
    private final MfaPolicy policy;
    private final AttemptGate gate;
    private final AbuseLimits limits;
    private final InstantSource clock;

    public CompleteMfaChallengeService(MfaChallengeStore challenges, UserRepository users, SecondFactorVerifier factors,
            PasskeyAssertions passkeys, SessionOpener opener, KnownDevices devices, IdGenerator ids, MfaPolicy policy, AttemptGate gate,
            AbuseLimits limits, InstantSource clock) {
        this.gate = gate;
        this.limits = limits;
        this.challenges = challenges;
        this.users = users;
        this.factors = factors;
        this.passkeys = passkeys;
        this.opener = opener;
        this.devices = devices;
        this.ids = ids;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public Mono<LoginResult> complete(CompleteMfaChallengeCommand command) {
        return Mono.defer(() -> {
            InputViolations input = new InputViolations();
            String raw = input.required(command.mfaToken(), "mfa_token", value -> value);
            boolean hasCode = command.code() != null && !command.code().isBlank();
            boolean hasRecovery = command.recoveryCode() != null && !command.recoveryCode().isBlank();
            boolean hasPasskey = command.passkey() != null;
            if ((hasCode ? 1 : 0) + (hasRecovery ? 1 : 0) + (hasPasskey ? 1 : 0) != 1) {
                input.add("code", "give exactly one of code (from the authenticator app), recovery_code and passkey");
            }
            input.throwIfAny();
            return gate.admit(AttemptGate.check(limits.loginPerIp(), command.client().ipAddress()))
                    .then(Mono.defer(() -> challenge(command, raw, hasCode, hasRecovery)));
        });
    }

    private Mono<LoginResult> challenge(CompleteMfaChallengeCommand command, String raw, boolean hasCode,
            boolean hasRecovery) {
        MfaToken token = MfaToken.parse(raw).orElseThrow(InvalidMfaTokenException::new);
        return challenges.attempt(token, policy.challengeAttempts())
                .switchIfEmpty(Mono.error(InvalidMfaTokenException::new))
                .flatMap(challenge -> users.findById(challenge.userId())
                        .filter(user -> user.canAuthenticate() && user.authEpoch() == challenge.authEpoch()
                                && challenge.passwordUnchanged(user.passwordHash()))
                        .switchIfEmpty(Mono.error(InvalidMfaTokenException::new))
                        .flatMap(user -> secondFactor(command, raw, user, hasCode, hasRecovery)
                                // The code is checked before the challenge is consumed, so a wrong code
                                // leaves it for another attempt; a right one races only for the delete.
                                .flatMap(method -> challenges.consume(token)
                                        .flatMap(won -> won ? Mono.just(method)
                                                : Mono.error(new InvalidMfaTokenException())))
                                .flatMap(method -> opener.open(user,
                                        challenge.completedWith(method, clock.instant()), command.client()))
                                .map(tokens -> new LoginResult(tokens, deviceToken(user, challenge)))));
    }

    private Mono<AuthMethod> secondFactor(CompleteMfaChallengeCommand command, String raw, User user, boolean hasCode,
            boolean hasRecovery) {
        if (command.passkey() != null) {
            String tokenHash = Sha256.hex(raw);
            return passkeys.verify(command.passkey(), PasskeyPurpose.SECOND_FACTOR, user.id(),
                            ceremony -> tokenHash.equals(ceremony.mfaTokenHash()))
                    .map(passkey -> passkey.method());
        }
        return factors.verify(user, hasCode ? command.code().strip() : null, hasRecovery ? command.recoveryCode() : null);
    }

    private String deviceToken(User user, MfaChallenge challenge) {
        return devices.issue(user.email(), new KnownDevice(challenge.device() != null ? challenge.device() : ids.newId(),
                clock.instant(), user.authEpoch()));
    }
}
