package io.latchkey.application.service;

import io.latchkey.domain.error.IncorrectPasswordException;
import io.latchkey.domain.error.InvalidCredentialsException;
import io.latchkey.domain.error.RateLimitedException;
import io.latchkey.domain.model.abuse.AbuseLimits;
import io.latchkey.domain.model.abuse.LockoutPolicy;
import io.latchkey.domain.model.user.AccountPolicy;
import io.latchkey.domain.model.user.Email;
import io.latchkey.domain.model.user.RawPassword;
import io.latchkey.domain.model.user.User;
import io.latchkey.domain.port.LoginFailures;
import io.latchkey.domain.port.PasswordHasher;
import io.latchkey.domain.port.UserRepository;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Login's credential check and abuse protection: the per-IP and per-address rate limits (Redis, or a stricter
 * per-instance limiter when Redis is down), then the per-address count of consecutive wrong passwords in
 * PostgreSQL with its growing lockout, which holds whatever happens to Redis. Every step is the same for an
 * address with an account and one without (a decoy Argon2 check, a failure counted, a lock), so neither the
 * answer nor its timing tells them apart.
 */
public final class LoginGuard {

    private final AttemptGate gate;
    private final AbuseLimits limits;
    private final UserRepository users;
    private final LoginFailures failures;
    private final LockoutPolicy lockout;
    private final PasswordHasher hasher;
    private final AccountPolicy accounts;
    private final InstantSource clock;

    public LoginGuard(AttemptGate gate, AbuseLimits limits, UserRepository users, LoginFailures failures,
            LockoutPolicy lockout, PasswordHasher hasher, AccountPolicy accounts, InstantSource clock) {
        this.gate = gate;
        this.limits = limits;
        this.users = users;
        this.failures = failures;
        this.lockout = lockout;
        this.hasher = hasher;
        this.accounts = accounts;
        this.clock = clock;
    }

    Mono<Void> admit(Email email, @Nullable String clientIp) {
        return gate.admit(AttemptGate.check(limits.loginPerIp(), clientIp),
                AttemptGate.check(limits.loginPerAccount(), email.value()));
    }

    /** The account when the address is not locked, has an account, and the password is its password. */
    Mono<User> authenticate(Email email, RawPassword password) {
        return notLocked(email, password).flatMap(counted -> matching(email, password)
                .flatMap(user -> user.isPresent() ? succeeded(email, counted).thenReturn(user.get())
                        : countFailure(email)));
    }

    /** The account if the password is its password; an address without one costs the same, a decoy check. */
    private Mono<Optional<User>> matching(Email email, RawPassword password) {
        return users.findByEmail(email)
                .flatMap(user -> hasher.matches(password, user.passwordHash())
                        .map(ok -> ok ? Optional.of(user) : Optional.<User>empty()))
                .switchIfEmpty(Mono.defer(() -> hasher.matchesNothing(password).thenReturn(Optional.<User>empty())));
    }

    /**
     * The same check for a signed-in caller confirming a sensitive change (password change, deletion): a wrong
     * password counts towards the lockout, so a stolen access token cannot be used to guess the password.
     */
    Mono<User> confirmPassword(User user, RawPassword password) {
        return notLocked(user.email(), password)
                .flatMap(counted -> hasher.matches(password, user.passwordHash())
                        .flatMap(ok -> ok ? succeeded(user.email(), counted).thenReturn(user)
                                : countFailure(user.email())))
                .onErrorMap(InvalidCredentialsException.class, e -> new IncorrectPasswordException());
    }

    boolean refusesUnverified(User user) {
        return accounts.loginRequiresVerifiedEmail() && !user.emailVerified();
    }

    /**
     * Whether the address has a failure count, or a 429 when it is locked. A locked address still costs one Argon2
     * check, so a lock cannot be told from a wrong password by timing.
     */
    private Mono<Boolean> notLocked(Email email, RawPassword password) {
        Instant now = clock.instant();
        return failures.find(email)
                .flatMap(count -> count.lockedAt(now)
                        .map(until -> hasher.matchesNothing(password)
                                .then(Mono.<Boolean>error(new RateLimitedException(Duration.between(now, until)))))
                        .orElse(Mono.just(true)))
                .defaultIfEmpty(false);
    }

    /** A right password clears the count, if there is one to clear. */
    private Mono<Void> succeeded(Email email, boolean counted) {
        return counted ? failures.clear(email) : Mono.empty();
    }

    private Mono<User> countFailure(Email email) {
        Instant now = clock.instant();
        return failures.recordFailure(email, now, lockout.forgetAfter())
                .flatMap(count -> lockout.lockedUntil(count, now)
                        .map(until -> failures.lockUntil(email, until))
                        .orElse(Mono.empty()))
                .then(Mono.error(new InvalidCredentialsException()));
    }
}
