package io.latchkey.application.service;

import io.latchkey.application.usecase.LoginCommand;
import io.latchkey.application.usecase.LoginResult;
import io.latchkey.application.usecase.LoginUseCase;
import io.latchkey.domain.model.abuse.KnownDevice;
import io.latchkey.domain.model.session.SessionAuthentication;
import io.latchkey.domain.model.user.Email;
import io.latchkey.domain.model.user.RawPassword;
import io.latchkey.domain.port.IdGenerator;
import io.latchkey.domain.port.KnownDevices;
import java.time.InstantSource;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * Rate limits, then the password (doing the same Argon2 work for unknown emails, so timing reveals nothing;
 * locked accounts and wrong passwords are counted by {@link LoginGuard}), then either opens a password-authenticated
 * session or, for an account with a second factor, answers with an MFA challenge ({@link MfaRequirement}). A
 * client showing a genuine, unexpired device token for the address, issued since the account's last password reset
 * or logout of every session, is checked and locked as that device; any other client as the address. Every
 * successful login hands the client a device token (the same device's, renewed, if it had a valid one).
 */
public final class LoginService implements LoginUseCase {

    private final MfaRequirement mfa;
    private final IdGenerator ids;
    private final LoginGuard guard;
    private final KnownDevices devices;
    private final InstantSource clock;

    public LoginService(MfaRequirement mfa, IdGenerator ids, LoginGuard guard, KnownDevices devices,
            InstantSource clock) {
        this.mfa = mfa;
        this.ids = ids;
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
                    .flatMap(user -> mfa.signIn(user, SessionAuthentication.password(clock.instant()), command.client(),
                                    subject.knownDevice().orElse(null))
                            .map(tokens -> new LoginResult(tokens, devices.issue(email, new KnownDevice(
                                    subject.knownDevice().orElseGet(ids::newId), clock.instant(),
                                    user.authEpoch()))))));
        });
    }
}
