package io.latchkey.application.service;

import io.latchkey.application.usecase.EnsureAdminCommand;
import io.latchkey.application.usecase.EnsureAdminUseCase;
import io.latchkey.domain.error.EmailAlreadyRegisteredException;
import io.latchkey.domain.event.UserRegistered;
import io.latchkey.domain.event.UserUpdated;
import io.latchkey.domain.model.user.Email;
import io.latchkey.domain.model.user.PasswordPolicy;
import io.latchkey.domain.model.user.PersonName;
import io.latchkey.domain.model.user.RawPassword;
import io.latchkey.domain.model.user.User;
import io.latchkey.domain.model.user.UserId;
import io.latchkey.domain.model.user.UserStatus;
import io.latchkey.domain.port.OutboxWriter;
import io.latchkey.domain.port.IdGenerator;
import io.latchkey.domain.port.PasswordHasher;
import io.latchkey.domain.port.TransactionRunner;
import io.latchkey.domain.port.UserRepository;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import reactor.core.publisher.Mono;

/**
 * Creates the configured first administrator (email verified, roles USER and ADMIN) or, when the account
 * already exists, grants it ADMIN and leaves its password alone, but only if its owner has verified the address
 * and it is active: otherwise whoever registered the address first would become administrator. Safe to run on
 * every replica at every start.
 */
public final class EnsureAdminService implements EnsureAdminUseCase {

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final PasswordPolicy passwordPolicy;
    private final OutboxWriter events;
    private final TransactionRunner transactions;
    private final SessionRevoker revoker;
    private final IdGenerator ids;
    private final InstantSource clock;

    public EnsureAdminService(UserRepository users, PasswordHasher hasher, PasswordPolicy passwordPolicy,
            OutboxWriter events, TransactionRunner transactions, SessionRevoker revoker, IdGenerator ids,
            InstantSource clock) {
        this.users = users;
        this.hasher = hasher;
        this.passwordPolicy = passwordPolicy;
        this.events = events;
        this.transactions = transactions;
        this.revoker = revoker;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public Mono<Void> ensure(EnsureAdminCommand command) {
        return Mono.defer(() -> {
            InputViolations input = new InputViolations();
            Email email = input.required(command.email(), "latchkey.admin.email",
                    raw -> Email.parse(raw, "latchkey.admin.email"));
            RawPassword password = input.required(command.password(), "latchkey.admin.password",
                    raw -> passwordPolicy.accept(raw, "latchkey.admin.password"));
            input.throwIfAny();
            return users.findByEmail(email)
                    .map(Optional::of)
                    .defaultIfEmpty(Optional.empty())
                    .flatMap(existing -> existing.isPresent() ? promote(existing.get()) : create(email, password));
        });
    }

    private Mono<Void> create(Email email, RawPassword password) {
        return hasher.hash(password).flatMap(hash -> {
            Instant now = clock.instant();
            User admin = new User(new UserId(ids.newId()), email, hash, new PersonName(null, null),
                    UserStatus.ACTIVE, Set.of(User.ROLE_USER, User.ROLE_ADMIN), true, 0, now, now);
            return transactions.inTransaction(users.insert(admin)
                            .then(events.write(new UserRegistered(ids.newId(), admin.id(), now))))
                    // Another replica created it first; anything else at that address is not ours to promote.
                    .onErrorResume(EmailAlreadyRegisteredException.class, taken -> users.findByEmail(email)
                            .filter(existing -> existing.roles().contains(User.ROLE_ADMIN))
                            .switchIfEmpty(Mono.error(new UnprovenAdminAccountException(email)))
                            .then());
        });
    }

    private Mono<Void> promote(User existing) {
        if (!existing.emailVerified() || !existing.canAuthenticate()) {
            return Mono.error(new UnprovenAdminAccountException(existing.email()));
        }
        Instant now = clock.instant();
        return transactions.inTransaction(users.addRole(existing.id(), User.ROLE_ADMIN, now)
                        .flatMap(added -> added
                                ? events.write(new UserUpdated(ids.newId(), existing.id(), now, List.of("roles")))
                                        .thenReturn(true)
                                : Mono.just(false)))
                .flatMap(added -> added ? revoker.purgeUser(existing.id()) : Mono.empty());
    }

    /** The configured address already has an account whose owner never proved the address: it is not promoted. */
    public static final class UnprovenAdminAccountException extends IllegalStateException {

        UnprovenAdminAccountException(Email email) {
            super("the account " + email + " exists but its address is not verified (or it is disabled); it was not made"
                    + " an administrator. Verify the address, or configure another one.");
        }
    }
}
