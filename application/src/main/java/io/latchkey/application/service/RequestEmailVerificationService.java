package io.latchkey.application.service;

import io.latchkey.application.usecase.RequestEmailVerificationCommand;
import io.latchkey.application.usecase.RequestEmailVerificationUseCase;
import io.latchkey.domain.model.abuse.AbuseLimits;
import io.latchkey.domain.model.user.Email;
import io.latchkey.domain.port.UserRepository;
import reactor.core.publisher.Mono;

/**
 * Resend: the per-address cooldown counts every address, registered or not, so the answer (202, or 429 inside the
 * cooldown) never tells whether an account exists. Only an active, unverified account is actually mailed.
 */
public final class RequestEmailVerificationService implements RequestEmailVerificationUseCase {

    private final UserRepository users;
    private final AttemptGate gate;
    private final AbuseLimits limits;
    private final VerificationMailer verification;

    public RequestEmailVerificationService(UserRepository users, AttemptGate gate, AbuseLimits limits,
            AccountMail accountMail) {
        this.users = users;
        this.gate = gate;
        this.limits = limits;
        this.verification = accountMail.verification();
    }

    @Override
    public Mono<Void> request(RequestEmailVerificationCommand command) {
        return Mono.defer(() -> {
            InputViolations input = new InputViolations();
            Email email = input.required(command.email(), "email", raw -> Email.parse(raw, "email"));
            input.throwIfAny();
            return gate.admit(AttemptGate.check(limits.resendPerIp(), command.clientIp()),
                            AttemptGate.check(limits.resendPerAccount(), email.value()))
                    .then(users.findByEmail(email))
                    .filter(user -> user.canAuthenticate() && !user.emailVerified())
                    .flatMap(verification::issue);
        });
    }
}
