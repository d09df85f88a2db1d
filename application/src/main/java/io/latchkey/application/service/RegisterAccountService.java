package io.latchkey.application.service;

import io.latchkey.application.usecase.RegisterAccountCommand;
import io.latchkey.application.usecase.RegisterAccountUseCase;
import io.latchkey.domain.error.EmailAlreadyRegisteredException;
import io.latchkey.domain.event.UserRegistered;
import io.latchkey.domain.model.abuse.AbuseLimits;
import io.latchkey.domain.model.user.Email;
import io.latchkey.domain.model.user.PasswordPolicy;
import io.latchkey.domain.model.user.PersonName;
import io.latchkey.domain.model.user.RawPassword;
import io.latchkey.domain.model.user.User;
import io.latchkey.domain.model.user.UserId;
import io.latchkey.domain.port.OutboxWriter;
import io.latchkey.domain.port.IdGenerator;
import io.latchkey.domain.port.PasswordHasher;
import io.latchkey.domain.port.TransactionRunner;
import io.latchkey.domain.port.UserRepository;
import java.time.InstantSource;
import reactor.core.publisher.Mono;

/**
 * Validates, hashes with Argon2id and stores the account with its {@code user.registered} event and its
 * verification mail, in one transaction. A taken address (any spelling with the same key) does the same hashing and
 * its account's registered address gets a notice by mail instead, and the caller gets the same answer either way.
 */
public final class RegisterAccountService implements RegisterAccountUseCase {

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final PasswordPolicy passwordPolicy;
    private final IdGenerator ids;
    private final OutboxWriter events;
    private final TransactionRunner transactions;
    private final AttemptGate gate;
    private final AbuseLimits limits;
    private final AccountMail mail;
    private final InstantSource clock;

    public RegisterAccountService(UserRepository users, PasswordHasher hasher, PasswordPolicy passwordPolicy,
            IdGenerator ids, OutboxWriter events, TransactionRunner transactions, AttemptGate gate,
            AbuseLimits limits, AccountMail accountMail, InstantSource clock) {
        this.users = users;
        this.hasher = hasher;
        this.passwordPolicy = passwordPolicy;
        this.ids = ids;
        this.events = events;
        this.transactions = transactions;
        this.gate = gate;
        this.limits = limits;
        this.mail = accountMail;
        this.clock = clock;
    }

    @Override
    public Mono<Void> register(RegisterAccountCommand command) {
        return Mono.defer(() -> {
            InputViolations input = new InputViolations();
            Email email = input.required(command.email(), "email", raw -> Email.parse(raw, "email"));
            RawPassword password = input.required(command.password(), "password",
                    raw -> passwordPolicy.accept(raw, "password"));
            PersonName name = input.optional("", ignored -> new PersonName(command.firstName(), command.lastName()));
            input.throwIfAny();
            return gate.admit(AttemptGate.check(limits.registerPerIp(), command.clientIp()),
                            AttemptGate.check(limits.registerPerAccount(), email.key()))
                    .then(hasher.hash(password))
                    .flatMap(hash -> {
                        var now = clock.instant();
                        User user = User.register(new UserId(ids.newId()), email, hash, name, now);
                        return transactions.inTransaction(users.insert(user)
                                        .flatMap(saved -> events.write(new UserRegistered(ids.newId(), saved.id(), now)))
                                        .then(mail.queueVerificationCode(email)))
                                .onErrorResume(EmailAlreadyRegisteredException.class, taken -> noticeTaken(email));
                    });
        });
    }

    /** To the registered address of the account that holds the key, never to the spelling in the request. */
    private Mono<Void> noticeTaken(Email email) {
        return users.findByEmail(email)
                .flatMap(owner -> transactions.inTransaction(
                        mail.queue(mail.composer().alreadyRegistered(owner.email(), clock.instant()))));
    }
}
